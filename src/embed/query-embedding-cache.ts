import { sha256Hex } from "../sha256-hex";
import { LruCache } from "./lru-cache";

export type EmbeddingSource = "memory" | "cache" | "upstream";

export interface QueryEmbeddingCacheOptions {
  /** In-isolate entries. Default 1000 (about 1.5 MiB at 384 dimensions). */
  capacity?: number;
  /** The Cache API store shared by the isolates of a colo, or null where there is none. */
  cacheStore?: Cache | null;
  /** Cache API lifetime in seconds. Default one day. */
  ttlSeconds?: number;
}

/**
 * Hands work that may finish after the answer to the runtime (a Worker's
 * `ctx.waitUntil`). Without one, the work still runs, unawaited.
 */
export type Defer = (work: Promise<unknown>) => void;

async function cacheUrl(model: string, query: string): Promise<string> {
  const hex = await sha256Hex(`${model}\n${query}`);
  // A synthetic URL: the Cache API keys by request URL, and this one never reaches the network.
  return `https://query-embedding.faq-edge.invalid/v1/${hex}`;
}

/**
 * Query embeddings cached at three levels: an LRU in the isolate, the Cache
 * API across isolates, and in-flight sharing, so concurrent identical
 * questions cost one upstream call between them.
 */
export class QueryEmbeddingCache {
  private readonly memory: LruCache<Float32Array>;
  private readonly inFlight = new Map<string, Promise<Float32Array>>();
  private readonly cacheStore: Cache | null;
  private readonly ttlSeconds: number;

  constructor(options: QueryEmbeddingCacheOptions = {}) {
    this.memory = new LruCache(options.capacity ?? 1000);
    this.cacheStore = options.cacheStore ?? null;
    this.ttlSeconds = options.ttlSeconds ?? 86400;
  }

  /**
   * The embedding of `query` (already normalised, see normalizeQuery) for
   * `model`, from the nearest level that has it. Storing a new embedding in
   * the Cache API is handed to `defer`; neither a failing lookup nor a failing
   * store fails the answer: the cache is an optimisation, never a dependency.
   */
  async get(model: string, query: string, embed: () => Promise<Float32Array>, defer: Defer = () => undefined): Promise<{ vector: Float32Array; source: EmbeddingSource }> {
    const key = `${model}\n${query}`;
    const remembered = this.memory.get(key);
    if (remembered) return { vector: remembered, source: "memory" };

    const url = this.cacheStore ? await cacheUrl(model, query) : null;
    const fromCache = this.cacheStore && url ? await this.lookUp(this.cacheStore, url) : null;
    if (fromCache) {
      this.memory.set(key, fromCache);
      return { vector: fromCache, source: "cache" };
    }

    // The lookups above awaited: an identical question may have been embedded meanwhile, and its
    // call may have finished already (under load, a lookup outlasted a 50 ms embedding and the same
    // question was embedded twice).
    const meanwhile = this.memory.get(key);
    if (meanwhile) return { vector: meanwhile, source: "memory" };
    let pending = this.inFlight.get(key);
    const shared = pending !== undefined;
    if (!pending) {
      // remembered before the call stops being in flight, so that no question falls between the two
      pending = embed().then((vector) => {
        this.memory.set(key, vector);
        return vector;
      }).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const vector = await pending;
    if (!shared && this.cacheStore && url) defer(this.store(this.cacheStore, url, vector));
    return { vector, source: shared ? "memory" : "upstream" };
  }

  private async lookUp(store: Cache, url: string): Promise<Float32Array | null> {
    try {
      const hit = await store.match(url);
      return hit ? new Float32Array(await hit.arrayBuffer()) : null;
    } catch {
      return null; // an unreachable cache is a miss
    }
  }

  private async store(store: Cache, url: string, vector: Float32Array): Promise<void> {
    const response = new Response(vector.slice().buffer, {
      headers: { "content-type": "application/octet-stream", "cache-control": `max-age=${this.ttlSeconds}` },
    });
    try {
      await store.put(url, response);
    } catch (error) {
      console.warn(`query embedding not stored in the Cache API: ${error instanceof Error ? error.name : "error"}`);
    }
  }
}
