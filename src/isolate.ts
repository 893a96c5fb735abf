import { CollectionIndexes } from "./collections/collection-indexes";
import { IndexMemory } from "./collections/index-memory";
import { QueryEmbeddingCache } from "./embed/query-embedding-cache";
import { AnswerCache } from "./http/answer-cache";
import { InboxWriters } from "./inbox/isolate-writers";
import { INDEX_MEMORY_BUDGET } from "./index-store/index-cache";
import { wasmAllocator } from "./index-store/wasm-allocator";

/**
 * Everything an isolate keeps between requests, in one place: the
 * collections' indexes (decoded, in the memory the SIMD kernel reads),
 * recent answers, query embeddings, and the inbox writers. Domain code is
 * handed what it needs from here; only this module holds state.
 */
export interface IsolateServices {
  collections: CollectionIndexes;
  /** 256 answers of at most 16 Ki characters (32 KiB as UTF-16): at most 8 MiB, far less for typical answers of a few KiB. */
  answers: AnswerCache;
  /** Made on first use: the Cache API is only reachable inside a request. */
  embeddings(): QueryEmbeddingCache;
  inbox: InboxWriters;
  indexMemory: IndexMemory;
}

function createServices(): IsolateServices {
  const indexMemory = new IndexMemory(INDEX_MEMORY_BUDGET);
  let embeddings: QueryEmbeddingCache | null = null;
  return {
    collections: new CollectionIndexes({ memory: indexMemory, allocator: wasmAllocator }),
    answers: new AnswerCache(256, 16 * 1024),
    embeddings: () => (embeddings ??= new QueryEmbeddingCache({ cacheStore: typeof caches === "undefined" ? null : caches.default })),
    inbox: new InboxWriters(),
    indexMemory,
  };
}

let services: IsolateServices | null = null;

/** This isolate's services, made on the first request. */
export const isolate = (): IsolateServices => (services ??= createServices());
