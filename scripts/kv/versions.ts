import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { HISTORY_KEY, POINTER_KEY, chunkKey, isIndexPointer, splitBlob, type IndexPointer } from "../../src/index-store/keys";
import { readChunks } from "../../src/index-store/read-chunks";
import type { KvStore } from "./kv-store";

/** Versions kept in KV: the current one and two to roll back to. */
export const KEEP_VERSIONS = 3;

export async function readHistory(store: KvStore): Promise<IndexPointer[]> {
  const text = await store.getText(HISTORY_KEY);
  if (!text) return [];
  try {
    const list = JSON.parse(text) as unknown;
    return Array.isArray(list) ? list.filter(isIndexPointer) : [];
  } catch {
    return [];
  }
}

/** A version's blob reassembled from its chunks and decoded: it throws unless the blob is whole. */
async function readStored(store: KvStore, pointer: IndexPointer): Promise<FaqIndex> {
  const bytes = new Uint8Array(pointer.bytes);
  const missing = await readChunks(pointer, (key) => store.getBytes(key), bytes);
  if (missing !== null) throw new Error(`chunk ${missing} of version ${pointer.version} is missing from KV or has the wrong size`);
  return decodeIndex(bytes, pointer.version);
}

/** The version the pointer names now, decoded, or null when KV holds none. */
export async function readCurrentVersion(store: KvStore): Promise<FaqIndex | null> {
  const text = await store.getText(POINTER_KEY);
  if (!text) return null;
  let pointer: unknown;
  try {
    pointer = JSON.parse(text);
  } catch {
    pointer = null;
  }
  if (!isIndexPointer(pointer)) throw new Error(`the pointer ${POINTER_KEY} in KV is malformed`);
  return readStored(store, pointer);
}

async function flip(store: KvStore, pointer: IndexPointer, history: IndexPointer[]): Promise<IndexPointer[]> {
  await store.put(POINTER_KEY, JSON.stringify(pointer));
  const next = [pointer, ...history.filter((p) => p.version !== pointer.version)];
  await store.put(HISTORY_KEY, JSON.stringify(next.slice(0, KEEP_VERSIONS)));
  return next;
}

/**
 * Publishes a version: its chunks under its content address, read back and
 * decoded, and only then the pointer. The last KEEP_VERSIONS versions stay;
 * older chunks are deleted after the flip, never before.
 */
export async function publishVersion(store: KvStore, blob: ArrayBuffer, pointer: IndexPointer): Promise<void> {
  for (const [i, chunk] of splitBlob(blob).entries()) await store.put(chunkKey(pointer.version, i), chunk);
  await readStored(store, pointer); // the pointer may only name a blob that is whole
  const history = await flip(store, pointer, await readHistory(store));
  for (const old of history.slice(KEEP_VERSIONS)) {
    for (let i = 0; i < old.chunks; i++) await store.delete(chunkKey(old.version, i));
  }
}

/** Points back to the previous version (checked whole first). Returns [from, to]. */
export async function rollbackVersion(store: KvStore): Promise<[IndexPointer, IndexPointer]> {
  const history = await readHistory(store);
  if (history.length < 2) throw new Error("there is no earlier version to roll back to");
  const [current, previous] = history as [IndexPointer, IndexPointer];
  await readStored(store, previous);
  await flip(store, previous, history);
  return [current, previous];
}
