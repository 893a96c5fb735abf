/**
 * What happened to the questions and feedback this isolate was asked to
 * store, since it started: the only trace of writes that run after the
 * answer is sent. Shown in /health. Every asking is in exactly one of
 * pending, written, dropped or failed (retrying is the part of pending
 * whose batch is being written again).
 */
export interface InboxCounts {
  /** Waiting for a flush, or in a batch being written. */
  pending: number;
  /** Stored in D1. */
  written: number;
  /** Never stored: the writer already held its most (MAX_PENDING) when they arrived. */
  dropped: number;
  /** Never stored: their batch failed every attempt. */
  failed: number;
  /** In a batch written again after a failure, or after its request stopped before it knew the outcome. */
  retrying: number;
}

export const emptyCounts = (): InboxCounts => ({ pending: 0, written: 0, dropped: 0, failed: 0, retrying: 0 });

/** The counts of every writer in this isolate added up (one per D1 binding). */
export function addCounts(all: Iterable<InboxCounts>): InboxCounts {
  const total = emptyCounts();
  for (const counts of all) for (const key of Object.keys(total) as Array<keyof InboxCounts>) total[key] += counts[key];
  return total;
}
