import type { TextEmbedder } from "../../src/embed/text-embedder";
import { runInLanes } from "../../src/lib/run-in-lanes";
import type { EmbeddingStore } from "./embedding-store";
import { createProgress } from "./progress";

export interface BatchOptions {
  /** Texts per call. Default 32. */
  batchSize?: number;
  /** Calls in flight at once. Default 1, gentle on a free-tier token. */
  concurrency?: number;
  /** Reuses what it holds and keeps each new batch as soon as it arrives. */
  store?: EmbeddingStore;
}

/**
 * Embeds `texts` in order, in batches, reusing stored embeddings and
 * reporting progress on a TTY. Returns the vectors and how many were reused.
 */
export async function embedInBatches(embedder: TextEmbedder, texts: string[], options: BatchOptions = {}) {
  const batchSize = options.batchSize ?? 32;
  const vectors: Array<Float32Array | undefined> = texts.map((text) => options.store?.get(text));
  const reused = vectors.filter(Boolean).length;
  // Duplicate texts are embedded once.
  const missing = [...new Set(texts.filter((_, i) => !vectors[i]))];
  const batches: string[][] = [];
  for (let start = 0; start < missing.length; start += batchSize) batches.push(missing.slice(start, start + batchSize));

  const fresh = new Map<string, Float32Array>();
  const progress = createProgress("embedding", missing.length);
  progress.update(0);
  await runInLanes(batches.length, options.concurrency ?? 1, async (b) => {
    const batch = batches[b]!;
    const embedded = await embedder.embed(batch);
    if (embedded.length !== batch.length) throw new Error(`embedder returned ${embedded.length} vectors for ${batch.length} texts`);
    batch.forEach((text, i) => fresh.set(text, embedded[i]!));
    await options.store?.add(batch, embedded);
    progress.update(fresh.size);
  });
  progress.finish();
  return { vectors: texts.map((text, i) => vectors[i] ?? fresh.get(text)!), embedded: missing.length, reused };
}
