import { getPlatformProxy } from "wrangler";
import { decodeIndex } from "../../src/index-blob/decode";
import { POINTER_KEY, chunkKey, splitBlob, type IndexPointer } from "../../src/index-store/keys";

export interface LocalKvOptions {
  configPath: string;
  /** Wrangler's state folder, as given to `wrangler dev --persist-to`. Default `.wrangler/state`. */
  persistTo?: string;
}

/** Runs `use` with the local KV namespace that `wrangler dev` reads, then releases it. */
export async function withLocalKv<T>(options: LocalKvOptions, use: (kv: KVNamespace) => Promise<T>): Promise<T> {
  const { env, dispose } = await getPlatformProxy<{ FAQ_KV: KVNamespace }>({
    configPath: options.configPath,
    persist: { path: `${options.persistTo ?? ".wrangler/state"}/v3` },
  });
  try {
    return await use(env.FAQ_KV);
  } finally {
    await dispose();
  }
}

/**
 * Publishes a version into the local KV that `wrangler dev` reads: the blob's
 * chunks first, read back and decoded, and only then the pointer.
 */
export function publishToLocalKv(blob: ArrayBuffer, pointer: IndexPointer, options: LocalKvOptions): Promise<void> {
  return withLocalKv(options, async (kv) => {
    const chunks = splitBlob(blob);
    for (const [i, chunk] of chunks.entries()) await kv.put(chunkKey(pointer.version, i), chunk);
    const readBack = new Uint8Array(blob.byteLength);
    for (let i = 0; i < chunks.length; i++) {
      const stored = await kv.get(chunkKey(pointer.version, i), "arrayBuffer");
      if (!stored) throw new Error(`chunk ${i} written to local KV could not be read back`);
      readBack.set(new Uint8Array(stored), i * chunks[0]!.byteLength);
    }
    await decodeIndex(readBack, pointer.version);
    await kv.put(POINTER_KEY, JSON.stringify(pointer));
  });
}
