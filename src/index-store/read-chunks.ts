import { runInLanes } from "../lib/run-in-lanes";
import type { ChunkChecksum } from "./chunk-checksum";
import { CHUNK_BYTES, type IndexPointer } from "./keys";

/** Reads chunk `i` of the version being read as bytes (the caller knows the collection's keys), or null when it is missing. */
export type ChunkReader = (i: number) => Promise<ArrayBuffer | Uint8Array | null>;

/** Whether chunk `index`, just copied into place at `offset`, holds what the pointer promised. */
export type ChunkCheck = (index: number, offset: number, length: number) => boolean;

/** Each chunk against the pointer's checksums, hashed where it landed in `into` (which lies in `checksum`'s memory). */
export const matchesChecksums = (sums: readonly string[], checksum: ChunkChecksum, into: Uint8Array): ChunkCheck =>
  (i, offset, length) => checksum(into.byteOffset + offset, length) === sums[i];

/**
 * Fetches the chunks of the version `pointer` names into `into`, `concurrency`
 * at a time, each copied into place as it arrives: the blob plus that many
 * chunks is the most memory this takes. Every chunk must have exactly the size
 * the pointer implies, and pass `check` when one is given (run as each chunk
 * lands, while the others are still in flight). Returns the first chunk found
 * missing, of the wrong size or failing its check (then it stops fetching), or
 * null when the blob is complete. The Worker loads with it, and the seed script
 * reads back with it before the pointer flips, so both hold a version to the same rule.
 */
export async function readChunks(pointer: IndexPointer, read: ChunkReader, into: Uint8Array, concurrency = 1, check?: ChunkCheck): Promise<number | null> {
  let bad: number | null = null;
  await runInLanes(pointer.chunks, concurrency, async (i) => {
    const chunk = await read(i);
    const expected = Math.min(CHUNK_BYTES, pointer.bytes - i * CHUNK_BYTES);
    if (chunk === null || chunk.byteLength !== expected) {
      bad ??= i;
      return false;
    }
    into.set(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk), i * CHUNK_BYTES);
    if (check && !check(i, i * CHUNK_BYTES, expected)) {
      bad ??= i;
      return false;
    }
  });
  return bad;
}
