/**
 * Closed-loop clients against one Worker for a fixed time, each asking its
 * own seeded stream of questions (collection-questions.ts), while /health is
 * polled for the isolate's index memory. Every answer is classified by the
 * Worker's own Server-Timing `index` step (see LOADED_INDEX_MS).
 */
import type { RunningWorker } from "../../scripts/lib/wrangler-dev";
import type { Question } from "./collection-questions";
import { serverTiming } from "./server-timing";
import { collectionName } from "./synthetic-collections";

/**
 * An `index` step shorter than this found the collection's index loaded.
 * A loaded index is leased without I/O, in microseconds; under wrangler dev
 * the Worker's clock ticks in whole milliseconds and keeps running, so such
 * a lease reads 0, or a millisecond or two when a tick or the scheduler of
 * a busy machine falls inside it. A load reads the pointer and megabytes of
 * chunks from KV, checks and decodes them, which takes several times this
 * (the results' indexStepMs histogram shows the gap: docs/performance.md). A request
 * that waited for another's load of the same collection reads the rest of
 * that load: it did not find it loaded, unless it came in its last ms.
 * This holds only while no loaded index rereads its pointer (a KV read): the
 * caller runs the Worker with an INDEX_RECHECK_SECONDS longer than the run.
 */
export const LOADED_INDEX_MS = 5;

export const foundLoaded = (sample: { indexMs: number }) => sample.indexMs < LOADED_INDEX_MS;

export interface Sample {
  rank: number;
  repeat: boolean;
  ms: number;
  /** HTTP status, or 0 when the request failed or timed out. */
  status: number;
  /** Server-Timing steps: the index lease, the embedding, the ranking, and the whole handler. */
  indexMs: number;
  embedMs: number;
  searchMs: number;
  totalMs: number;
}

export interface IndexMemoryReport {
  heldBytes: number;
  peakBytes: number;
  budgetBytes: number;
  collectionsLoaded: number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const HEALTH_EVERY_MS = 1000;

/** /health of the default collection: in this bench it has no index (503), so asking loads nothing and moves no collection in the recency order. */
export async function indexMemory(worker: RunningWorker): Promise<IndexMemoryReport> {
  const response = await fetch(`${worker.url}/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await response.json()) as { indexMemory?: IndexMemoryReport };
  if (!body.indexMemory) throw new Error(`/health answered ${response.status} without indexMemory: ${JSON.stringify(body)}`);
  return body.indexMemory;
}

async function client(worker: RunningWorker, next: () => Question, until: number, samples: Sample[]): Promise<void> {
  while (performance.now() < until) {
    const { rank, text, repeat } = next();
    const started = performance.now();
    try {
      const response = await fetch(`${worker.url}/faq?collection=${collectionName(rank)}&q=${encodeURIComponent(text)}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      const step = (name: string) => serverTiming(response, name);
      samples.push({ rank, repeat, ms, status: response.status, indexMs: step("index"), embedMs: step("embed"), searchMs: step("search"), totalMs: step("total") });
    } catch {
      samples.push({ rank, repeat, ms: performance.now() - started, status: 0, indexMs: NaN, embedMs: NaN, searchMs: NaN, totalMs: NaN });
    }
  }
}

/** Runs one client per stream for `seconds`; returns every answer, the /health samples taken meanwhile, and the elapsed time. */
export async function runTraffic(worker: RunningWorker, streams: Array<() => Question>, seconds: number) {
  const samples: Sample[] = [];
  const memory: IndexMemoryReport[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      memory.push(await indexMemory(worker));
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();
  try {
    await Promise.all(streams.map((next) => client(worker, next, until, samples)));
  } finally {
    polling = false;
    await poll;
  }
  return { samples, memory, elapsedMs: performance.now() - started };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentile of latencies, in ms to 0.1. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN);
}

/** Requests, client-side p50 and p99 of some samples, and the medians of the Worker's own steps. */
export const latency = (samples: Sample[]) => ({
  requests: samples.length,
  p50Ms: percentile(samples.map((s) => s.ms), 0.5),
  p99Ms: percentile(samples.map((s) => s.ms), 0.99),
  worker: {
    indexMsP50: percentile(samples.map((s) => s.indexMs), 0.5),
    embedMsP50: percentile(samples.map((s) => s.embedMs), 0.5),
    searchMsP50: percentile(samples.map((s) => s.searchMs), 0.5),
    totalMsP50: percentile(samples.map((s) => s.totalMs), 0.5),
  },
});

/** How many index steps took 0 ms, 1 to 4, 5 to 19, 20 to 49, 50 or more: where loaded and cold fall apart. */
export function indexStepHistogram(samples: Sample[]): Record<string, number> {
  const buckets: Array<[string, number]> = [["0", 1], ["1-4", 5], ["5-19", 20], ["20-49", 50], ["50+", Infinity]];
  const counts = Object.fromEntries(buckets.map(([name]) => [name, 0]));
  for (const { indexMs } of samples) counts[buckets.find(([, below]) => indexMs < below)![0]]! += 1;
  return counts;
}
