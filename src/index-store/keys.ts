import { DEFAULT_COLLECTION } from "../collections/collection-name";
import { checksumsOf } from "./chunk-checksum";

/** KV key of the small pointer that names the default collection's current version. */
export const POINTER_KEY = "faq-index/current";

/** KV key of the default collection's recent pointers, newest first: what rollback goes back to. */
export const HISTORY_KEY = "faq-index/history";

/**
 * A version is stored in chunks of at most this size, well under KV's 25 MiB
 * per value: small chunks keep the memory spent on chunks in flight small.
 */
export const CHUNK_BYTES = 10 * 1024 * 1024;

/** KV key of chunk `i` of one immutable, content-addressed index blob of the default collection. */
export const chunkKey = (version: string, i: number) => `faq-index/blob/${version}/${i}`;

/** Where one collection lives in KV. */
export interface CollectionKeys {
  pointer: string;
  history: string;
  chunk: (version: string, i: number) => string;
}

/** The pointers of every collection but the default one start with this, so that one KV list finds them all. */
export const COLLECTION_POINTER_PREFIX = "collections/pointer/";

/**
 * A collection's keys. The default collection keeps the keys it always had,
 * so indexes seeded before collections existed are served as they are.
 * Every other collection has its own pointer, history and chunks: a blob is
 * content-addressed, but two collections never share chunks, because
 * publishing one deletes the chunks of its own old versions.
 */
export function collectionKeys(name: string): CollectionKeys {
  if (name === DEFAULT_COLLECTION) return { pointer: POINTER_KEY, history: HISTORY_KEY, chunk: chunkKey };
  return {
    pointer: `${COLLECTION_POINTER_PREFIX}${name}`,
    history: `collections/history/${name}`,
    chunk: (version, i) => `collections/blob/${name}/${version}/${i}`,
  };
}

/** What the pointer holds: enough to describe the index and fetch its chunks. */
export interface IndexPointer {
  version: string;
  model: string;
  dim: number;
  count: number;
  builtAt: string;
  /** Blob size in bytes. */
  bytes: number;
  /** Number of chunks: ceil(bytes / CHUNK_BYTES). */
  chunks: number;
  /**
   * XXH64 of each chunk, 16 hex digits: the Worker checks each chunk against
   * it as it arrives instead of hashing the whole blob with SHA-256 (far
   * slower: docs/reliability.md). Pointers written before it was added have none.
   */
  checksums?: string[];
}

export function isIndexPointer(value: unknown): value is IndexPointer {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.version === "string" && /^[0-9a-f]{32}$/.test(p.version) && typeof p.model === "string"
    && Number.isInteger(p.dim) && Number.isInteger(p.count) && typeof p.builtAt === "string"
    && Number.isInteger(p.bytes) && (p.bytes as number) > 0
    && p.chunks === Math.ceil((p.bytes as number) / CHUNK_BYTES)
    && (p.checksums === undefined
      || (Array.isArray(p.checksums) && p.checksums.length === p.chunks && p.checksums.every((sum) => typeof sum === "string" && /^[0-9a-f]{16}$/.test(sum))));
}

/** The chunks of a blob, in order, as they are written to KV. */
export function splitBlob(blob: ArrayBuffer): ArrayBuffer[] {
  const chunks: ArrayBuffer[] = [];
  for (let start = 0; start < blob.byteLength; start += CHUNK_BYTES) chunks.push(blob.slice(start, start + CHUNK_BYTES));
  return chunks;
}

/** The pointer for a built blob, with its chunks' checksums (`xxh64`: the compiled src/index-store/wasm/xxh64.wat). */
export function pointerFor(
  blob: ArrayBuffer,
  meta: { version: string; model: string; dim: number; count: number; builtAt: string },
  xxh64: WebAssembly.Module,
): IndexPointer {
  return { ...meta, bytes: blob.byteLength, chunks: Math.ceil(blob.byteLength / CHUNK_BYTES), checksums: checksumsOf(xxh64, blob, CHUNK_BYTES) };
}
