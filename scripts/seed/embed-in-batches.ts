import type { TextEmbedder } from "../../src/embed/text-embedder";
import { createProgress } from "./progress";

/** Embeds `texts` in batches of `batchSize` (default 32), in order, reporting progress on a TTY. */
export async function embedInBatches(embedder: TextEmbedder, texts: string[], batchSize = 32): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  const progress = createProgress("embedding", texts.length);
  progress.update(0);
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const embedded = await embedder.embed(batch);
    if (embedded.length !== batch.length) throw new Error(`embedder returned ${embedded.length} vectors for ${batch.length} texts`);
    vectors.push(...embedded);
    progress.update(vectors.length);
  }
  progress.finish();
  return vectors;
}
