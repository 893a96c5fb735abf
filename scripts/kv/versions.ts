import { decodeIndex } from "../../src/index-blob/decode";
import { HISTORY_KEY, POINTER_KEY, chunkKey, isIndexPointer, splitBlob, type IndexPointer } from "../../src/index-store/keys";
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

/** Reads a version's chunks back and decodes them: the pointer may only name a blob that is whole. */
async function verifyStored(store: KvStore, pointer: IndexPointer): Promise<void> {
  const bytes = new Uint8Array(pointer.bytes);
  let offset = 0;
  for (let i = 0; i < pointer.chunks; i++) {
    const chunk = await store.getBytes(chunkKey(pointer.version, i));
    if (!chunk) throw new Error(`chunk ${i} of version ${pointer.version} is missing from KV`);
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (offset !== pointer.bytes) throw new Error(`version ${pointer.version} is ${offset} bytes in KV, expected ${pointer.bytes}`);
  await decodeIndex(bytes, pointer.version);
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
  await verifyStored(store, pointer);
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
  await verifyStored(store, previous);
  await flip(store, previous, history);
  return [current, previous];
}
