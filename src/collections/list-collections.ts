import { COLLECTION_POINTER_PREFIX, POINTER_KEY, collectionKeys, isIndexPointer } from "../index-store/keys";
import { DEFAULT_COLLECTION } from "./collection-name";

/** One collection as GET /admin/collections describes it, from its pointer in KV. */
export interface CollectionSummary {
  name: string;
  version: string;
  count: number;
  model: string;
  dim: number;
  builtAt: string;
  /** The blob's size in KV. */
  bytes: number;
}

async function summary(kv: KVNamespace, name: string, key: string): Promise<CollectionSummary | null> {
  const pointer = await kv.get(key, "json").catch(() => null);
  if (!isIndexPointer(pointer)) return null;
  const { version, count, model, dim, builtAt, bytes } = pointer;
  return { name, version, count, model, dim, builtAt, bytes };
}

/**
 * The collections KV holds, by name: the default one's pointer, then every
 * pointer under COLLECTION_POINTER_PREFIX (one KV list per 1,000 collections).
 * A pointer that is missing or malformed is left out.
 */
export async function listCollections(kv: KVNamespace): Promise<CollectionSummary[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix: COLLECTION_POINTER_PREFIX, cursor });
    names.push(...page.keys.map((key) => key.name.slice(COLLECTION_POINTER_PREFIX.length)));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  const found = await Promise.all([
    summary(kv, DEFAULT_COLLECTION, POINTER_KEY),
    ...names.sort().map((name) => summary(kv, name, `${COLLECTION_POINTER_PREFIX}${name}`)),
  ]);
  return found.filter((c): c is CollectionSummary => c !== null);
}

/**
 * One collection, by name, as listCollections would describe it: one KV read,
 * for a collection token, which sees only its own (a full listing would cost
 * a read per collection of the deployment on every call).
 */
export async function describeCollection(kv: KVNamespace, name: string): Promise<CollectionSummary[]> {
  const found = await summary(kv, name, collectionKeys(name).pointer);
  return found === null ? [] : [found];
}
