import { runInLanes } from "../lib/run-in-lanes";
import { CHUNK_BYTES, chunkKey, type IndexPointer } from "./keys";

/** Reads one KV value as bytes, or null when the key is missing. */
export type ChunkReader = (key: string) => Promise<ArrayBuffer | Uint8Array | null>;

/**
 * Fetches the chunks of the version `pointer` names into `into`, `concurrency`
 * at a time, each copied into place as it arrives: the blob plus that many
 * chunks is the most memory this takes. Every chunk must have exactly the size
 * the pointer implies. Returns the first chunk found missing or of the wrong
 * size (then it stops fetching), or null when the blob is complete. The Worker
 * loads with it, and the seed script reads back with it before the pointer
 * flips, so both hold a version to the same rule.
 */
export async function readChunks(pointer: IndexPointer, read: ChunkReader, into: Uint8Array, concurrency = 1): Promise<number | null> {
  let bad: number | null = null;
  await runInLanes(pointer.chunks, concurrency, async (i) => {
    const chunk = await read(chunkKey(pointer.version, i));
    const expected = Math.min(CHUNK_BYTES, pointer.bytes - i * CHUNK_BYTES);
    if (chunk === null || chunk.byteLength !== expected) {
      bad ??= i;
      return false;
    }
    into.set(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk), i * CHUNK_BYTES);
  });
  return bad;
}
