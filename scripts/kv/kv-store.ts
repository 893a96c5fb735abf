/** The few KV operations publishing needs, over miniflare's local KV or the real namespace. */
export interface KvStore {
  getBytes(key: string): Promise<Uint8Array | null>;
  getText(key: string): Promise<string | null>;
  put(key: string, value: ArrayBuffer | Uint8Array | string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A KvStore over a KV binding (miniflare's local one, opened by scripts/lib/local-bindings.ts). */
export function bindingStore(kv: KVNamespace): KvStore {
  return {
    getBytes: async (key) => {
      const value = await kv.get(key, "arrayBuffer");
      return value ? new Uint8Array(value) : null;
    },
    getText: (key) => kv.get(key, "text"),
    put: (key, value) => kv.put(key, value),
    delete: (key) => kv.delete(key),
  };
}
