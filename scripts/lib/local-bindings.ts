/** The bindings of wrangler.toml that the scripts reach locally. */
export interface LocalBindings {
  FAQ_KV: KVNamespace;
  FAQ_DB: D1Database;
}

export interface LocalBindingsOptions {
  configPath: string;
  /** Wrangler's state folder, as given to `wrangler dev --persist-to`. Default `.wrangler/state`. */
  persistTo?: string;
}

/**
 * Runs `use` with the local KV and D1 that `wrangler dev` reads under
 * --persist-to, opened in this process through wrangler's platform proxy (one
 * start of the local runtime), then releases them.
 */
export async function withLocalBindings<T>(options: LocalBindingsOptions, use: (env: LocalBindings) => Promise<T>): Promise<T> {
  // Loaded on demand: wrangler's module takes seconds to import, and `--help` or `--kv none` never need it.
  const { getPlatformProxy } = await import("wrangler");
  const { env, dispose } = await getPlatformProxy<LocalBindings>({
    configPath: options.configPath,
    persist: { path: `${options.persistTo ?? ".wrangler/state"}/v3` },
  });
  try {
    return await use(env);
  } finally {
    await dispose();
  }
}
