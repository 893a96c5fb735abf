/**
 * `npm run rollback -- [--to VERSION] [--kv local|remote] [--persist-to DIR] [--config FILE] [--verbose]`:
 * points the index back to the version published before the one served now
 * (run again to go further back; KV keeps the last three), or to `--to`
 * VERSION (or a unique prefix), after checking that version is whole.
 * Prints {"from","to","kv"}.
 */
import { parseArgs } from "node:util";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { withKv } from "./kv/open-kv";
import { requireCloudflareToken } from "./kv/remote-kv";
import { rollbackVersion } from "./kv/versions";

export async function rollback(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      kv: { type: "string", default: "local" },
      "persist-to": { type: "string" },
      config: { type: "string", default: "wrangler.toml" },
      verbose: { type: "boolean", default: false },
      to: { type: "string" },
    },
  });
  if (values.kv !== "local" && values.kv !== "remote") throw new Error("--kv must be local or remote");
  if (values.kv === "remote") requireCloudflareToken(env);
  const kvOptions = { configPath: values.config, persistTo: values["persist-to"], verbose: values.verbose };
  const [from, to] = await withKv(values.kv, kvOptions, (store) => rollbackVersion(store, values.to));
  return { from, to: to.version, kv: values.kv };
}

if (isMain(import.meta.url)) await runCli("rollback", () => rollback(process.argv.slice(2), process.env));
