import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { checksumIn } from "../../src/index-store/chunk-checksum";
import { collectionKeys, isIndexPointer, splitBlob, type CollectionKeys, type IndexPointer } from "../../src/index-store/keys";
import { matchesChecksums, readChunks } from "../../src/index-store/read-chunks";
import { memoryFor } from "../../src/search/wasm/wasm-kernel";
import { loadXxh64Module } from "../lib/load-wasm";
import type { KvStore } from "./kv-store";

/** Versions kept in KV: the current one and two to roll back to. */
export const KEEP_VERSIONS = 3;

const DEFAULT_KEYS = collectionKeys("default");

export async function readHistory(store: KvStore, keys: CollectionKeys = DEFAULT_KEYS): Promise<IndexPointer[]> {
  const text = await store.getText(keys.history);
  if (!text) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list.filter(isIndexPointer) : [];
  } catch {
    return [];
  }
}

/**
 * A version's blob reassembled from its chunks and decoded: it throws unless
 * the blob is whole. Both checks run here: each chunk against the pointer's
 * checksums as it lands (as the Worker does), then SHA-256 over the blob, so
 * a pointer that passes names exactly the bytes whose digest was checked, and
 * the Worker may rely on the checksums alone.
 */
async function readStored(store: KvStore, pointer: IndexPointer, keys: CollectionKeys): Promise<FaqIndex> {
  const memory = memoryFor(pointer.bytes);
  const bytes = new Uint8Array(memory.buffer, 0, pointer.bytes);
  const check = pointer.checksums ? matchesChecksums(pointer.checksums, checksumIn(loadXxh64Module(), memory), bytes) : undefined;
  const bad = await readChunks(pointer, (i) => store.getBytes(keys.chunk(pointer.version, i)), bytes, 1, check);
  if (bad !== null) {
    throw new Error(`chunk ${bad} of version ${pointer.version} is missing from KV or has the wrong size${check ? ", or does not match the pointer's checksum" : ""}`);
  }
  return decodeIndex(bytes, pointer.version);
}

/** The version a collection's pointer names now, decoded, or null when KV holds none. */
export async function readCurrentVersion(store: KvStore, keys: CollectionKeys = DEFAULT_KEYS): Promise<FaqIndex | null> {
  const text = await store.getText(keys.pointer);
  if (!text) return null;
  let pointer: unknown;
  try {
    pointer = JSON.parse(text);
  } catch {
    pointer = null;
  }
  if (!isIndexPointer(pointer)) throw new Error(`the pointer ${keys.pointer} in KV is malformed`);
  return readStored(store, pointer, keys);
}

/** Points KV at `pointer`. The history is left as it is: it lists versions in the order they were published. */
async function flip(store: KvStore, pointer: IndexPointer, keys: CollectionKeys): Promise<void> {
  await store.put(keys.pointer, JSON.stringify(pointer));
}

/**
 * Publishes a version: its chunks under its content address, read back and
 * decoded, and only then the pointer. The last KEEP_VERSIONS versions stay;
 * older chunks are deleted after the flip, never before.
 */
export async function publishVersion(store: KvStore, blob: ArrayBuffer, pointer: IndexPointer, keys: CollectionKeys = DEFAULT_KEYS): Promise<void> {
  for (const [i, chunk] of splitBlob(blob).entries()) await store.put(keys.chunk(pointer.version, i), chunk);
  await readStored(store, pointer, keys); // the pointer may only name a blob that is whole
  const history = [pointer, ...(await readHistory(store, keys)).filter((p) => p.version !== pointer.version)];
  await flip(store, pointer, keys);
  await store.put(keys.history, JSON.stringify(history.slice(0, KEEP_VERSIONS)));
  for (const old of history.slice(KEEP_VERSIONS)) {
    for (let i = 0; i < old.chunks; i++) await store.delete(keys.chunk(old.version, i));
  }
}

/** The pointer's version, or null when the pointer is missing or malformed. */
async function servedVersion(store: KvStore, keys: CollectionKeys): Promise<string | null> {
  const text = await store.getText(keys.pointer);
  try {
    const pointer = text === null ? null : (JSON.parse(text) as unknown);
    return isIndexPointer(pointer) ? pointer.version : null;
  } catch {
    return null;
  }
}

const listed = (history: IndexPointer[]) => history.map((p) => `${p.version} (${p.builtAt}, ${p.count} FAQs)`).join("; ");

/**
 * The version a rollback goes to: `to` (a version or a unique prefix of one
 * in the history), or else the one published just before the version the
 * pointer names now. Repeated rollbacks therefore walk back through the
 * history. When the pointer does not name a version of the history, the
 * version in service cannot be known from KV, so only `to` may choose.
 */
function rollbackTarget(history: IndexPointer[], served: string | null, to?: string): IndexPointer {
  if (to !== undefined) {
    const matches = history.filter((p) => p.version.startsWith(to.toLowerCase()));
    if (matches.length !== 1) {
      throw new Error(`--to ${to} ${matches.length === 0 ? "names no version" : "is ambiguous"} in the history: ${listed(history)}`);
    }
    return matches[0]!;
  }
  const at = history.findIndex((p) => p.version === served);
  if (at < 0) {
    throw new Error(`the pointer in KV names no version of the history, so which one is served is unknown; choose with --to VERSION: ${listed(history)}`);
  }
  const previous = history[at + 1];
  if (!previous) {
    throw new Error(history.length < 2 ? "there is no earlier version to roll back to" : `${served} is the oldest version kept; there is none before it`);
  }
  return previous;
}

/**
 * Points back to the version before the one served now, or to `to` (checked
 * whole first). Returns [from, to]; from is the served version, or null when
 * the pointer was malformed.
 */
export async function rollbackVersion(store: KvStore, to?: string, keys: CollectionKeys = DEFAULT_KEYS): Promise<[string | null, IndexPointer]> {
  const history = await readHistory(store, keys);
  if (history.length === 0) throw new Error("there is no earlier version to roll back to");
  const served = await servedVersion(store, keys);
  const target = rollbackTarget(history, served, to);
  if (target.version === served) throw new Error(`version ${served} is already the one served`);
  await readStored(store, target, keys);
  await flip(store, target, keys);
  return [served, target];
}
