import { runInLanes } from "../../src/lib/run-in-lanes";
import type { SearchMode } from "../../src/search/rank";
import type { EvalQuery } from "./dataset";
import type { QueryOutcome } from "./metrics";

export interface WorkerOutcome extends QueryOutcome {
  /** The score of each result, in order. */
  scores: number[];
  /** What the Worker said of its first result. */
  confidence: number | null;
}

interface FaqResponse {
  confidence: number | null;
  results: Array<{ id: string; score: number }>;
}

/** Sends every query through the running Worker over HTTP, a few at a time, in order. */
export async function queryWorker(baseUrl: string, queries: EvalQuery[], mode: SearchMode, concurrency = 4): Promise<WorkerOutcome[]> {
  const outcomes: WorkerOutcome[] = new Array(queries.length);
  await runInLanes(queries.length, concurrency, async (i) => {
    const q = queries[i]!;
    const url = `${baseUrl}/faq?${new URLSearchParams({ q: q.query, k: "10", mode })}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as FaqResponse;
    outcomes[i] = {
      relevant: q.relevant,
      rankedIds: body.results.map((r) => r.id),
      scores: body.results.map((r) => r.score),
      confidence: body.confidence,
    };
  });
  return outcomes;
}

/** Unit vectors for texts from a feature-extraction endpoint, in batches. */
export async function embedViaEndpoint(endpointUrl: string, texts: string[], batchSize = 64): Promise<Map<string, Float32Array>> {
  const vectors = new Map<string, Float32Array>();
  const unique = [...new Set(texts)];
  for (let start = 0; start < unique.length; start += batchSize) {
    const batch = unique.slice(start, start + batchSize);
    const response = await fetch(endpointUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ inputs: batch }) });
    if (!response.ok) throw new Error(`embedding endpoint answered ${response.status}`);
    const rows = (await response.json()) as number[][];
    batch.forEach((text, i) => vectors.set(text, Float32Array.from(rows[i]!)));
  }
  return vectors;
}
