import { bindingStore, type KvStore } from "./kv-store";

export interface LocalKvOptions {
  configPath: string;
  /** Wrangler's state folder, as given to `wrangler dev --persist-to`. Default `.wrangler/state`. */
  persistTo?: string;
}

/** Runs `use` with the local KV namespace that `wrangler dev` reads, then releases it. */
export async function withLocalKv<T>(options: LocalKvOptions, use: (store: KvStore) => Promise<T>): Promise<T> {
  // Loaded on demand: wrangler's module takes seconds to import, and `--help` or `--kv none` never need it.
  const { getPlatformProxy } = await import("wrangler");
  const { env, dispose } = await getPlatformProxy<{ FAQ_KV: KVNamespace }>({
    configPath: options.configPath,
    persist: { path: `${options.persistTo ?? ".wrangler/state"}/v3` },
  });
  try {
    return await use(bindingStore(env.FAQ_KV));
  } finally {
    await dispose();
  }
}
