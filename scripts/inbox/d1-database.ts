import { withLocalBindings } from "../lib/local-bindings";
import { wranglerD1, type WranglerD1Options } from "./wrangler-d1";

/**
 * Runs `use` with the inbox's D1 database, then releases it. Locally that is
 * the database `wrangler dev` keeps under --persist-to, opened once in this
 * process for all of a command's statements, where `wrangler d1 execute`
 * started wrangler again for every statement (about 3 s each). The deployed
 * database is reached through `wrangler d1 execute --remote` and the
 * account's wrangler login.
 */
export function withD1<T>(options: WranglerD1Options, use: (db: D1Database) => Promise<T>): Promise<T> {
  if (options.target === "remote") return use(wranglerD1(options));
  return withLocalBindings(options, (env) => {
    if (!env.FAQ_DB) throw new Error(`${options.configPath} has no D1 database bound as FAQ_DB: the inbox needs one`);
    return use(env.FAQ_DB);
  });
}
