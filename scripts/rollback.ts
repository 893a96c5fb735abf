/**
 * `npm run rollback`: points the index back to the version published before
 * the one served now (run again to go further back; KV keeps the last three),
 * or to `--to` VERSION (or a unique prefix), after checking that version is
 * whole. Prints {"from","to","kv","collection"}.
 * Options: ROLLBACK_COMMAND below, printed by `npm run rollback -- --help`.
 */
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { withKv } from "./kv/open-kv";
import { requireCloudflareToken } from "./kv/remote-kv";
import { rollbackVersion } from "./kv/versions";
import { COLLECTION_OPTION, collectionArg } from "./lib/collection-option";
import { collectionKeys } from "../src/index-store/keys";

export const ROLLBACK_COMMAND = {
  name: "rollback",
  run: "npm run rollback --",
  summary: `Points the served index back to the version published before the one served now (run it
again to go further back; KV keeps the last three), or to --to VERSION, after checking that
version is whole. Prints {"from","to","kv","collection"}.`,
  options: [
    { name: "to", type: "string", valueName: "VERSION", defaultText: "the one before", description: "the version to serve, or a unique prefix of it" },
    COLLECTION_OPTION,
    { name: "kv", type: "string", choices: ["local", "remote"], default: "local", description: "the local KV that wrangler dev reads, or the real namespace" },
    { name: "persist-to", type: "string", valueName: "DIR", defaultText: ".wrangler/state", description: "local KV folder, as wrangler dev --persist-to" },
    { name: "config", type: "string", valueName: "FILE", default: "wrangler.toml", description: "wrangler config for the KV binding" },
    { name: "verbose", type: "boolean", description: "print the wrangler commands used for --kv remote" },
  ],
  environment: [["CLOUDFLARE_API_TOKEN", "with --kv remote: a token with Workers KV Storage: Edit"]],
  examples: ["npm run rollback -- --kv remote", "npm run rollback -- --collection help-de"],
} as const satisfies CliCommand;

export async function rollback(argv: string[], env: NodeJS.ProcessEnv) {
  const values = readOptions(ROLLBACK_COMMAND, argv);
  if (values.kv === "remote") requireCloudflareToken(env);
  const kvOptions = { configPath: values.config, persistTo: values["persist-to"], verbose: values.verbose };
  const collection = collectionArg(values.collection);
  const [from, to] = await withKv(values.kv, kvOptions, (store) => rollbackVersion(store, values.to, collectionKeys(collection)));
  return { from, to: to.version, kv: values.kv, collection };
}

if (isMain(import.meta.url)) await runCli("rollback", () => rollback(process.argv.slice(2), process.env));
