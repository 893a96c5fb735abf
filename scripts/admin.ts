/**
 * `npm run admin -- token create|list|revoke`: tokens that open one
 * collection's inbox and feedback (the owner's view, /admin/*), in the D1
 * database: the local one `npm start` uses (default), or the deployed one
 * (--remote). ADMIN_TOKEN still opens every collection.
 * Options: ADMIN_COMMAND below, printed by `npm run admin -- --help`.
 */
import { isCollectionName } from "../src/collections/collection-name";
import { createToken, listTokens, revokeToken } from "./admin/collection-tokens";
import { withD1 } from "./inbox/d1-database";
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { UsageError } from "./lib/usage-error";

export const ADMIN_COMMAND = {
  name: "admin",
  run: "npm run admin -- token create|list|revoke",
  summary: `Manages collection tokens: each opens one collection's inbox and feedback (/admin/*, the dashboard),
where ADMIN_TOKEN opens all. Only a hash is stored; a new token is printed once.
  token create --collection NAME   makes a token for a collection and prints it, with its id
  token list [--collection NAME]   lists the tokens (ids, collections, dates; never a token)
  token revoke ID                  refuses that token from the next request on`,
  options: [
    { name: "collection", type: "string", valueName: "NAME", description: "the collection the token opens (create), or whose tokens to list" },
    { name: "local", type: "boolean", description: "the local database (what npm start uses; the default)" },
    { name: "remote", type: "boolean", description: "the deployed database (wrangler login or CLOUDFLARE_API_TOKEN)" },
    { name: "persist-to", type: "string", valueName: "DIR", default: ".wrangler/state", description: "the local state folder, as wrangler dev --persist-to" },
    { name: "config", type: "string", valueName: "FILE", default: "wrangler.toml", description: "wrangler config for the D1 binding" },
  ],
  environment: [["CLOUDFLARE_API_TOKEN", "with --remote, unless wrangler is logged in"]],
  examples: ["npm run admin -- token create --collection help-de", "npm run admin -- token revoke 3f9a1c2b4d5e --remote"],
} as const satisfies CliCommand;

export async function admin(argv: string[]) {
  const [group, action, ...rest] = argv;
  const id = action === "revoke" && rest[0] !== undefined && !rest[0].startsWith("-") ? rest.shift() : undefined;
  const values = readOptions(ADMIN_COMMAND, group === "token" ? rest : argv);
  if (group !== "token" || !["create", "list", "revoke"].includes(action ?? "")) throw new UsageError("say what to do: token create, token list or token revoke ID");
  if (values.local && values.remote) throw new UsageError("give --local or --remote, not both");
  if (values.collection !== undefined && !isCollectionName(values.collection)) {
    throw new UsageError("--collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
  }
  const where = { target: values.remote ? "remote" : "local", configPath: values.config, persistTo: values["persist-to"] } as const;
  if (action === "create") {
    if (values.collection === undefined) throw new UsageError("token create needs --collection NAME");
    const collection = values.collection;
    const { id, token } = await withD1(where, (db) => createToken(db, collection, Date.now()));
    console.error(`a token for the collection ${collection} (id ${id}); it is shown this once: keep it where the collection's owner keeps secrets`);
    return { id, collection, token };
  }
  if (action === "list") return { tokens: await withD1(where, (db) => listTokens(db, values.collection)) };
  if (id === undefined) throw new UsageError("token revoke needs the token's id (npm run admin -- token list)");
  if (!(await withD1(where, (db) => revokeToken(db, id, Date.now())))) throw new UsageError(`no live token has the id ${id}`);
  return { revoked: id };
}

if (isMain(import.meta.url)) await runCli("admin", () => admin(process.argv.slice(2)));
