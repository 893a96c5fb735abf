/** What the indexes of an isolate hold, together, against one budget. */
export interface MemoryUse {
  /** Bytes of index memory held now (all collections, chunks in flight included). */
  heldBytes: number;
  /** The most held at once since the isolate started. */
  peakBytes: number;
  budgetBytes: number;
}

/** One holder of index memory: a collection's cache. */
export interface MemoryHolder {
  /** Bytes it holds now, loads in progress included. */
  heldBytes(): number;
  /** Whether a request is being answered from it: then it may not be evicted. */
  inUse(): boolean;
  /** When it last answered, for least-recently-used eviction. */
  lastUsed(): number;
  /** Drops what it holds; the next request loads it again. */
  evict(): void;
}

/**
 * The index memory budget of an isolate, shared by its collections: each
 * load asks for room, and idle collections are evicted, least recently used
 * first, to make it. A collection being answered is never evicted.
 */
export class IndexMemory {
  private readonly holders = new Set<MemoryHolder>();
  private peak = 0;

  constructor(readonly budgetBytes: number) {}

  add(holder: MemoryHolder): void {
    this.holders.add(holder);
  }

  remove(holder: MemoryHolder): void {
    this.holders.delete(holder);
  }

  private heldByOthers(holder: MemoryHolder): number {
    let held = 0;
    for (const other of this.holders) if (other !== holder) held += other.heldBytes();
    return held;
  }

  /** Bytes `holder` may hold at most now: the budget less what the others hold. */
  room(holder: MemoryHolder): number {
    return this.budgetBytes - this.heldByOthers(holder);
  }

  /** Evicts idle others, least recently used first, until `holder` has room for `bytes` or no idle one is left; returns the room. */
  makeRoom(holder: MemoryHolder, bytes: number): number {
    let room = this.room(holder);
    if (room >= bytes) return room;
    const idle = [...this.holders].filter((other) => other !== holder && !other.inUse() && other.heldBytes() > 0).sort((a, b) => a.lastUsed() - b.lastUsed());
    for (const other of idle) {
      room += other.heldBytes();
      other.evict();
      if (room >= bytes) break;
    }
    return room;
  }

  /** Records the total after a holder's use changed (it grew, or a load started or ended). */
  noteUse(): void {
    let held = 0;
    for (const holder of this.holders) held += holder.heldBytes();
    this.peak = Math.max(this.peak, held);
  }

  use(): MemoryUse {
    let held = 0;
    for (const holder of this.holders) held += holder.heldBytes();
    return { heldBytes: held, peakBytes: this.peak, budgetBytes: this.budgetBytes };
  }
}
