import { IndexMemory, type MemoryHolder } from "../collections/index-memory";
import { IndexUnavailableError } from "../errors";
import { CorruptIndexError, decodeIndex } from "../index-blob/decode";
import type { FaqIndex } from "../index-blob/format";
import { CHUNK_BYTES, collectionKeys, isIndexPointer, type CollectionKeys, type IndexPointer } from "./keys";
import type { ChunkChecksum } from "./chunk-checksum";
import { matchesChecksums, readChunks } from "./read-chunks";

export interface IndexRequest {
  kv: KVNamespace;
  /** The collection's keys; default: the default collection's. */
  keys?: CollectionKeys;
  /** How long a loaded version is trusted before the pointer is read again. */
  recheckMs: number;
  /** Rejects an index this Worker cannot serve (say, another model) with the error to report. */
  accept: (index: FaqIndex) => IndexUnavailableError | null;
}

export interface IndexStatus {
  index: FaqIndex | null;
  /** The pointer `index` was loaded from: its builtAt is the build time (a blob records none since versions are reproducible). */
  pointer: IndexPointer | null;
  /** Why the newest pointer target is not being served, if it is not. */
  problem: IndexUnavailableError | null;
}

/** Where a blob lives: plain memory, or a WebAssembly memory the kernels search in place. */
export interface BlobAllocation {
  bytes: Uint8Array;
  memory?: WebAssembly.Memory;
  /** XXH64 over bytes of this allocation (offsets from the start of its buffer), when it can be computed in place. */
  checksum?: ChunkChecksum;
}

export interface BlobAllocator {
  /** Bytes an allocation for this version takes. */
  size(pointer: IndexPointer): number;
  /** A new allocation, or `reuse`'s memory (grown if need be) when the old version must make room. */
  allocate(pointer: IndexPointer, reuse?: BlobAllocation): BlobAllocation;
}

/** Bytes of blob memory the cache holds, and the most it held at once (chunks being fetched included). */
export interface MemoryStats {
  heldBytes: number;
  peakBytes: number;
}

/**
 * Blob memory an isolate may spend on indexes: the served version, the one
 * being loaded, and chunks in flight. A Worker has 128 MB (122 MiB); the rest
 * is left to the runtime, the JS heap and the query-embedding cache.
 */
export const INDEX_MEMORY_BUDGET = 100 * 2 ** 20;

/**
 * How long a refused version is not fetched again. Versions are content
 * addresses, so a refusal usually stands; but a damaged upload can be
 * repaired under the same version by seeding again, which this lets through.
 */
const REJECTION_MEMORY_MS = 10 * 60 * 1000;

/** Chunks fetched from KV at once when the budget allows: two hide most of KV's latency. */
const CHUNK_FETCHES = 2;

const plainAllocator: BlobAllocator = {
  size: (pointer) => pointer.bytes,
  allocate: (pointer, reuse) =>
    reuse && reuse.bytes.buffer.byteLength >= pointer.bytes
      ? { bytes: new Uint8Array(reuse.bytes.buffer, 0, pointer.bytes) }
      : { bytes: new Uint8Array(pointer.bytes) },
};

/** The largest chunk of a version: what one fetch in flight holds. */
const chunkBytes = (pointer: IndexPointer) => Math.min(CHUNK_BYTES, pointer.bytes);

/** KV failed to answer: worth a retry, never remembered as a refusal. */
/**
 * A lease older than this belongs to a request the runtime stopped (a
 * visitor who left, a widget that aborted for the next keystroke) before
 * its `finally` could release it: it no longer keeps the index from being
 * evicted. No request may hold an index longer (the embedding and
 * upstream timeouts end a request well before).
 */
export const LEASE_EXPIRY_MS = 60_000;
/**
 * A refresh not settled after this long belongs to a request the runtime
 * stopped (its KV reads never answer): requests stop waiting for it, and
 * the next one starts another. Loading the largest index that fits in the
 * budget from KV takes a small part of it.
 */
export const REFRESH_STALLED_MS = 15_000;

/** Whether `work` settled within `ms`; the timer is the waiting request's own, so a stopped request cannot hang it. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

const storeUnreachable = () => new IndexUnavailableError("index_unavailable", "The index store could not be read just now; try again shortly.");

const heldBy = (index: FaqIndex) => (index.memory ? index.memory.buffer.byteLength : index.bytes.buffer.byteLength);

export interface IndexCacheOptions {
  now?: () => number;
  allocator?: BlobAllocator;
  /** The budget this cache shares with the isolate's other collections; default one of its own, of memoryBudgetBytes. */
  memory?: IndexMemory;
  /** Default INDEX_MEMORY_BUDGET (only without `memory`). */
  memoryBudgetBytes?: number;
  /** Default REFRESH_STALLED_MS; tests shorten it. */
  refreshStalledMs?: number;
}

const DEFAULT_KEYS = collectionKeys("default");

/** One refresh of the index, shared by the requests that need it meanwhile. */
interface Refresh {
  startedAt: number;
  done: Promise<void>;
  /** Set when it stalled and was given up: nothing it finds is served. */
  abandoned?: boolean;
}

/**
 * Holds the decoded index for the life of an isolate. The pointer is reread
 * at most every `recheckMs`; a new version is fetched and decoded once.
 *
 * A version that fails validation is never served, and is remembered by
 * version (for REJECTION_MEMORY_MS) so it is not fetched and hashed again at
 * every recheck: the last good one stays in use, and the problem is kept for /health.
 *
 * Memory: while the old and the new version fit in the budget together, the
 * old one serves until the new one is ready. When they do not (say, 100k
 * FAQs), the old one is retired first and its memory reused for the new one,
 * so the peak is one version plus the chunks in flight; requests in between
 * wait for the load, and if the new version is refused the old one is
 * fetched back into place.
 */
export class IndexCache implements MemoryHolder {
  private current: FaqIndex | null = null;
  private currentPointer: IndexPointer | null = null;
  private problem: IndexUnavailableError | null = null;
  private rejected: { version: string; error: IndexUnavailableError; until: number } | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  /** The refresh requests share, and when it started; null when none runs. */
  private inFlight: Refresh | null = null;
  private readonly stats: MemoryStats = { heldBytes: 0, peakBytes: 0 };
  /** Bytes of a load in progress beyond what is served: the new allocation and the chunks in flight. */
  private loadingBytes = 0;
  /** When each lease not yet released was taken. */
  private readonly leases = new Set<{ takenAt: number }>();
  private usedAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly refreshStalledMs: number;
  private readonly allocator: BlobAllocator;
  private readonly memory: IndexMemory;

  constructor(options: IndexCacheOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.refreshStalledMs = options.refreshStalledMs ?? REFRESH_STALLED_MS;
    this.allocator = options.allocator ?? plainAllocator;
    this.memory = options.memory ?? new IndexMemory(options.memoryBudgetBytes ?? INDEX_MEMORY_BUDGET);
    this.memory.add(this);
  }

  heldBytes(): number {
    return this.stats.heldBytes + this.loadingBytes;
  }

  inUse(): boolean {
    const now = this.now();
    for (const lease of this.leases) if (now - lease.takenAt >= LEASE_EXPIRY_MS) this.leases.delete(lease);
    return this.leases.size > 0;
  }

  lastUsed(): number {
    return this.usedAt;
  }

  /**
   * Marks the cache as answering a request until the returned function is
   * called (or LEASE_EXPIRY_MS has passed): meanwhile the isolate's other
   * loads may not evict it.
   */
  lease(): () => void {
    const lease = { takenAt: this.now() };
    this.leases.add(lease);
    this.usedAt = lease.takenAt;
    return () => {
      this.leases.delete(lease);
    };
  }

  /** Drops the served index to make room for another collection; the next request loads it again. */
  evict(): void {
    this.serve(null, null);
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.memory.noteUse();
  }

  /** Leaves the isolate's budget: the cache is dropped for good. */
  close(): void {
    this.memory.remove(this);
  }

  status(): IndexStatus {
    return { index: this.current, pointer: this.currentPointer, problem: this.problem };
  }

  /**
   * True while nothing is served and nothing says the index is missing or
   * unusable: an isolate's first load, or a retry after KV failed to answer.
   * A request then waits for megabytes from KV, and may use the wait.
   */
  awaitingFirstIndex(): boolean {
    return this.current === null && (this.problem === null || this.problem.code === "index_unavailable");
  }

  memoryStats(): MemoryStats {
    return { ...this.stats };
  }

  /** The index to serve, or the reason there is none. */
  async get(request: IndexRequest): Promise<FaqIndex> {
    const now = this.now();
    this.usedAt = now;
    if (now - this.checkedAt >= request.recheckMs) {
      if (this.inFlight !== null && now - this.inFlight.startedAt >= this.refreshStalledMs) this.abandon(this.inFlight);
      // Concurrent requests in one isolate share a single refresh.
      const refresh = (this.inFlight ??= this.startRefresh(request, now));
      if (!(await settledWithin(refresh.done, refresh.startedAt + this.refreshStalledMs - now)) && !this.current) throw storeUnreachable();
    }
    if (this.current) return this.current;
    throw this.problem ?? new IndexUnavailableError("no_index", "No FAQ index has been published yet.");
  }

  private startRefresh(request: IndexRequest, startedAt: number): Refresh {
    const refresh: Refresh = { startedAt, done: Promise.resolve() };
    refresh.done = this.refresh(request, refresh).finally(() => {
      if (this.inFlight === refresh) this.inFlight = null;
    });
    return refresh;
  }

  /**
   * Gives up a stalled refresh: what it does if it ever resumes is ignored.
   * It may have been loading into the served index's memory, so that index
   * is dropped too, and the next refresh loads afresh.
   */
  private abandon(refresh: Refresh): void {
    refresh.abandoned = true;
    this.inFlight = null;
    this.loadingBytes = 0;
    this.serve(null, null);
  }

  private async refresh(request: IndexRequest, own: Refresh): Promise<void> {
    try {
      await this.loadLatest(request, own);
      if (own.abandoned) return;
      this.problem = null;
    } catch (error) {
      if (own.abandoned) return;
      if (!(error instanceof IndexUnavailableError)) throw error;
      if (error.code === "no_index") {
        this.serve(null, null);
        this.rejected = null; // KV was emptied: whatever comes next is judged afresh
      }
      this.problem = error;
    } finally {
      // A KV failure with nothing to serve is worth another try at the next request.
      if (!own.abandoned) this.checkedAt = this.problem?.code === "index_unavailable" && !this.current ? Number.NEGATIVE_INFINITY : this.now();
    }
  }

  private serve(index: FaqIndex | null, pointer: IndexPointer | null) {
    if (this.current && this.current !== index) this.current.retired = true;
    this.current = index;
    this.currentPointer = pointer;
    this.stats.heldBytes = index ? heldBy(index) : 0;
    this.memory.noteUse();
  }

  private async readPointer(kv: KVNamespace, keys: CollectionKeys): Promise<IndexPointer> {
    let text: string | null;
    try {
      text = await kv.get(keys.pointer, "text");
    } catch {
      throw storeUnreachable();
    }
    if (text === null) throw new IndexUnavailableError("no_index", "No FAQ index has been published yet.");
    let pointer: unknown;
    try {
      pointer = JSON.parse(text);
    } catch {
      throw new IndexUnavailableError("index_corrupt", "The index pointer is not valid JSON.");
    }
    if (!isIndexPointer(pointer)) throw new IndexUnavailableError("index_corrupt", "The index pointer is malformed.");
    return pointer;
  }

  /** Serves the version the pointer names, unless `own` was abandoned meanwhile (then it changes nothing). */
  private async loadLatest(request: IndexRequest, own: Refresh): Promise<void> {
    const keys = request.keys ?? DEFAULT_KEYS;
    const pointer = await this.readPointer(request.kv, keys);
    if (own.abandoned || this.current?.version === pointer.version) return;
    if (this.rejected?.version === pointer.version && this.now() < this.rejected.until) throw this.rejected.error;

    const old = this.current;
    const oldPointer = this.currentPointer;
    const oldBytes = old ? heldBy(old) : 0;
    const size = this.allocator.size(pointer);
    // Both versions at once, plus one chunk in flight, must fit (idle collections are evicted for it); else the old one makes room.
    const room = this.memory.makeRoom(this, oldBytes + size + chunkBytes(pointer));
    const inPlace = old !== null && oldBytes + size + chunkBytes(pointer) > room;
    const needed = inPlace ? Math.max(size, oldBytes) : oldBytes + size;
    if (needed + chunkBytes(pointer) > room) {
      // every other collection is answering a request: this one waits for the next
      throw new IndexUnavailableError("index_unavailable", "The isolate's index memory is taken by collections being answered; try again shortly.");
    }
    if (inPlace) this.serve(null, null);
    try {
      const index = await this.load(request, own, keys, pointer, room, needed, inPlace ? old : undefined);
      if (!own.abandoned) this.serve(index, pointer);
    } catch (error) {
      if (own.abandoned || !(error instanceof IndexUnavailableError)) throw error;
      if (error.code !== "index_unavailable") this.rejected = { version: pointer.version, error, until: this.now() + REJECTION_MEMORY_MS };
      if (inPlace && oldPointer) {
        // The refused version overwrote the old one's memory: fetch the old one back.
        const back = await this.load(request, own, keys, oldPointer, room, Math.max(size, oldBytes), old ?? undefined);
        if (!own.abandoned) this.serve(back, oldPointer);
      }
      throw error;
    }
  }

  /** Fetches, decodes and checks one version, counting what it holds against the budget (`room`: what this cache may hold). */
  private async load(request: IndexRequest, own: Refresh, keys: CollectionKeys, pointer: IndexPointer, room: number, heldAfterAllocation: number, reuse?: BlobAllocation): Promise<FaqIndex> {
    const lanes = Math.max(1, Math.min(CHUNK_FETCHES, pointer.chunks, Math.floor((room - heldAfterAllocation) / chunkBytes(pointer))));
    const peak = heldAfterAllocation + lanes * chunkBytes(pointer);
    this.stats.peakBytes = Math.max(this.stats.peakBytes, peak);
    this.loadingBytes = peak - this.stats.heldBytes;
    this.memory.noteUse();
    try {
      return await this.fetchAndDecode(request, keys, pointer, lanes, reuse);
    } finally {
      if (!own.abandoned) this.loadingBytes = 0;
    }
  }

  private async fetchAndDecode(request: IndexRequest, keys: CollectionKeys, pointer: IndexPointer, lanes: number, reuse?: BlobAllocation): Promise<FaqIndex> {
    const { bytes, memory, checksum } = this.allocator.allocate(pointer, reuse);
    // Each chunk checked as it lands, at memory speed; else SHA-256 over the whole blob once it is in.
    const checkChunk = pointer.checksums && checksum ? matchesChecksums(pointer.checksums, checksum, bytes) : undefined;
    let bad: number | null;
    try {
      bad = await readChunks(pointer, (i) => request.kv.get(keys.chunk(pointer.version, i), "arrayBuffer"), bytes, lanes, checkChunk);
    } catch {
      throw storeUnreachable();
    }
    if (bad !== null) throw new IndexUnavailableError("index_corrupt", "A chunk of the index blob is missing, has the wrong size or fails its checksum.");
    let index: FaqIndex;
    try {
      index = await decodeIndex(bytes, pointer.version, checkChunk ? "checked-by-chunk" : "sha256");
    } catch (error) {
      if (error instanceof CorruptIndexError) throw new IndexUnavailableError("index_corrupt", "The index blob failed validation.");
      throw error;
    }
    index.memory = memory;
    const rejection = request.accept(index);
    if (rejection) throw rejection;
    return index;
  }
}
