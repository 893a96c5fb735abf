import { IndexUnavailableError } from "../errors";
import { CorruptIndexError, decodeIndex } from "../index-blob/decode";
import type { FaqIndex } from "../index-blob/format";
import { POINTER_KEY, isIndexPointer, type IndexPointer } from "./keys";
import { readChunks } from "./read-chunks";

export interface IndexRequest {
  kv: KVNamespace;
  /** How long a loaded version is trusted before the pointer is read again. */
  recheckMs: number;
  /** Rejects an index this Worker cannot serve (say, another model) with the error to report. */
  accept: (index: FaqIndex) => IndexUnavailableError | null;
}

export interface IndexStatus {
  index: FaqIndex | null;
  /** Why the newest pointer target is not being served, if it is not. */
  problem: IndexUnavailableError | null;
}

/** Where a blob is assembled: plain memory, or a WebAssembly memory the kernels can search in place. */
export type BlobAllocator = (pointer: IndexPointer) => { bytes: Uint8Array; memory?: WebAssembly.Memory };

/** Chunks fetched from KV at once: bounds the memory loading takes beyond the blob itself. */
const CHUNK_FETCHES = 2;

const plainAllocator: BlobAllocator = (pointer) => ({ bytes: new Uint8Array(pointer.bytes) });

/**
 * Holds the decoded index for the life of an isolate. The pointer is reread
 * at most every `recheckMs`; the chunks of a blob are fetched in parallel and
 * decoded only when the pointer names a new version. A new version that
 * fails validation is never served: the last good one stays in use, and the
 * problem is kept for /health.
 */
export class IndexCache {
  private current: FaqIndex | null = null;
  private problem: IndexUnavailableError | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly allocate: BlobAllocator = plainAllocator,
  ) {}

  status(): IndexStatus {
    return { index: this.current, problem: this.problem };
  }

  /** The index to serve, or the reason there is none. */
  async get(request: IndexRequest): Promise<FaqIndex> {
    if (this.now() - this.checkedAt >= request.recheckMs) {
      // Concurrent requests in one isolate share a single refresh.
      this.inFlight ??= this.refresh(request).finally(() => {
        this.inFlight = null;
      });
      await this.inFlight;
    }
    if (this.current) return this.current;
    throw this.problem ?? new IndexUnavailableError("no_index", "No FAQ index has been published yet.");
  }

  private async refresh(request: IndexRequest): Promise<void> {
    try {
      const next = await this.loadLatest(request);
      this.current = next;
      this.problem = null;
    } catch (error) {
      if (!(error instanceof IndexUnavailableError)) throw error;
      if (error.code === "no_index") this.current = null;
      this.problem = error;
    } finally {
      this.checkedAt = this.now();
    }
  }

  private async loadLatest({ kv, accept }: IndexRequest): Promise<FaqIndex> {
    let pointer: unknown;
    try {
      pointer = await kv.get(POINTER_KEY, "json");
    } catch {
      throw new IndexUnavailableError("index_corrupt", "The index pointer is not valid JSON.");
    }
    if (pointer === null) throw new IndexUnavailableError("no_index", "No FAQ index has been published yet.");
    if (!isIndexPointer(pointer)) throw new IndexUnavailableError("index_corrupt", "The index pointer is malformed.");
    if (this.current?.version === pointer.version) return this.current;

    const { bytes, memory } = this.allocate(pointer);
    const missing = await readChunks(pointer, (key) => kv.get(key, "arrayBuffer"), bytes, CHUNK_FETCHES);
    if (missing !== null) throw new IndexUnavailableError("index_corrupt", "A chunk of the index blob is missing or has the wrong size.");
    let index: FaqIndex;
    try {
      index = await decodeIndex(bytes, pointer.version);
    } catch (error) {
      if (error instanceof CorruptIndexError) throw new IndexUnavailableError("index_corrupt", "The index blob failed validation.");
      throw error;
    }
    index.memory = memory;
    const rejection = accept(index);
    if (rejection) throw rejection;
    return index;
  }
}
