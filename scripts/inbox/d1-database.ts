import { wranglerD1, type WranglerD1Options } from "./wrangler-d1";

/**
 * Runs `use` with the inbox's D1 database, then releases it. Locally that is
 * the database `wrangler dev` keeps under --persist-to, opened in this
 * process through wrangler's platform proxy: one start of the local runtime
 * for all of a command's statements, where `wrangler d1 execute` started
 * wrangler again for every statement (about 3 s each). The deployed database is reached
 * through `wrangler d1 execute --remote` and the account's wrangler login.
 */
export async function withD1<T>(options: WranglerD1Options, use: (db: D1Database) => Promise<T>): Promise<T> {
  if (options.target === "remote") return use(wranglerD1(options));
  // Loaded on demand: wrangler's module takes seconds to import, and `--help` never needs it.
  const { getPlatformProxy } = await import("wrangler");
  const { env, dispose } = await getPlatformProxy<{ FAQ_DB: D1Database }>({
    configPath: options.configPath,
    persist: { path: `${options.persistTo ?? ".wrangler/state"}/v3` },
  });
  try {
    return await use(env.FAQ_DB);
  } finally {
    await dispose();
  }
}
