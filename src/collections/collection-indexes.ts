import { ApiError, IndexUnavailableError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import { IndexCache, type BlobAllocator, type IndexRequest } from "../index-store/index-cache";
import { collectionKeys } from "../index-store/keys";
import { DEFAULT_COLLECTION } from "./collection-name";
import type { IndexMemory } from "./index-memory";

/** A collection's index, held for one request: call `release` once the answer is made. */
export interface LeasedIndex {
  index: FaqIndex;
  release: () => void;
}

export type CollectionRequest = Omit<IndexRequest, "keys"> & { name: string };

/**
 * How long a name with no index is not looked up again: N random names cost
 * at most N KV reads a minute, however often each is asked.
 */
export const UNKNOWN_COLLECTION_MEMORY_MS = 60_000;
/** Unknown names remembered at most; beyond, the oldest are forgotten (and may cost one more read each). */
const MAX_UNKNOWN_NAMES = 10_000;

const unknownCollection = (name: string) => new ApiError(404, "unknown_collection", `There is no collection named ${name}.`);

/**
 * The collections an isolate serves, each with its own index cache, sharing
 * one memory budget (index-memory.ts): a collection is loaded on its first
 * request, kept while it is used, and evicted when another needs the room
 * and it is idle. Loading one collection never waits for another. A name
 * without an index is remembered as unknown for a minute (404
 * unknown_collection); the default collection instead reports its state
 * (503 no_index and the rest), as a one-FAQ deployment always has.
 */
export class CollectionIndexes {
  private readonly caches = new Map<string, IndexCache>();
  private readonly unknown = new Map<string, number>();

  constructor(private readonly options: { memory: IndexMemory; allocator?: BlobAllocator; now?: () => number }) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The cache of a collection this isolate has loaded or is loading, if any. */
  cacheOf(name: string): IndexCache | undefined {
    return this.caches.get(name);
  }

  /** True before a collection's first index (nothing loaded, and nothing known to be wrong): a request then waits for KV, and may use the wait. */
  awaitingFirstIndex(name: string): boolean {
    return this.caches.get(name)?.awaitingFirstIndex() ?? !this.isKnownUnknown(name);
  }

  /** The names this isolate holds an index for now. */
  loaded(): string[] {
    return [...this.caches].filter(([, cache]) => cache.status().index !== null).map(([name]) => name);
  }

  private isKnownUnknown(name: string): boolean {
    const until = this.unknown.get(name);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.unknown.delete(name);
    return false;
  }

  /** The collection's current index, leased for one request, or the reason there is none. */
  async lease(request: CollectionRequest): Promise<LeasedIndex> {
    const { name } = request;
    if (name !== DEFAULT_COLLECTION && this.isKnownUnknown(name)) throw unknownCollection(name);
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new IndexCache({ memory: this.options.memory, allocator: this.options.allocator, now: this.options.now });
      this.caches.set(name, cache);
    }
    const release = cache.lease();
    try {
      return { index: await cache.get({ ...request, keys: collectionKeys(name) }), release };
    } catch (error) {
      release();
      if (name !== DEFAULT_COLLECTION && error instanceof IndexUnavailableError && error.code === "no_index") {
        this.forget(name, cache);
        throw unknownCollection(name);
      }
      throw error;
    }
  }

  private forget(name: string, cache: IndexCache): void {
    if (this.caches.get(name) === cache) this.caches.delete(name);
    cache.close();
    if (this.unknown.size >= MAX_UNKNOWN_NAMES) this.unknown.delete(this.unknown.keys().next().value!);
    this.unknown.set(name, this.now() + UNKNOWN_COLLECTION_MEMORY_MS);
  }
}
