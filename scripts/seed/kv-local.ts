import { getPlatformProxy } from "wrangler";
import { decodeIndex } from "../../src/index-blob/decode";
import { POINTER_KEY, blobKey, type IndexPointer } from "../../src/index-store/keys";

export interface LocalKvOptions {
  configPath: string;
  /** Wrangler's state folder, as given to `wrangler dev --persist-to`. Default `.wrangler/state`. */
  persistTo?: string;
}

/**
 * Publishes a version into the local KV that `wrangler dev` reads: the blob
 * first, read back and decoded, and only then the pointer.
 */
export async function publishToLocalKv(blob: ArrayBuffer, pointer: IndexPointer, options: LocalKvOptions): Promise<void> {
  const { env, dispose } = await getPlatformProxy<{ FAQ_KV: KVNamespace }>({
    configPath: options.configPath,
    persist: { path: `${options.persistTo ?? ".wrangler/state"}/v3` },
  });
  try {
    await env.FAQ_KV.put(blobKey(pointer.version), blob);
    const stored = await env.FAQ_KV.get(blobKey(pointer.version), "arrayBuffer");
    if (!stored) throw new Error("the blob written to local KV could not be read back");
    await decodeIndex(stored, pointer.version);
    await env.FAQ_KV.put(POINTER_KEY, JSON.stringify(pointer));
  } finally {
    await dispose();
  }
}
