import type { FaqRecord } from "../../src/faq-record";
import { chooseEmbedder, embedderModel } from "./choose-embedder";
import { buildFromVectors } from "./build-from-vectors";
import { embedInBatches } from "./embed-in-batches";
import { EmbeddingStore } from "./embedding-store";
import type { PendingIndex } from "./pending-index";
import { rankingSettings } from "./ranking-settings";
import { withCollectionCalibration } from "./collection-settings";
import { readFaqs } from "./read-faqs";
import { withDrafts } from "./with-drafts";
import type { SeedArgs } from "./seed-args";

/**
 * The usual path: FAQs from --input, questions embedded (only those not in
 * the embedding cache). Nothing is embedded until build() is called.
 */
export async function fromFaqFile(args: SeedArgs, env: NodeJS.ProcessEnv): Promise<PendingIndex> {
  return fromRecords(await withDrafts(await readFaqs(args.input), args, (line) => console.error(line)), args.input, args, env);
}

/** An index of `records` (from a file or from pages), embedded at build() with the embedding cache. */
export async function fromRecords(records: FaqRecord[], source: string, args: SeedArgs, env: NodeJS.ProcessEnv): Promise<PendingIndex> {
  const model = embedderModel(args.embedder, env);
  const store = args.cacheDir ? await EmbeddingStore.open(args.cacheDir, model) : undefined;
  const questions = records.map((record) => record.question);
  return {
    records,
    model,
    source,
    toEmbed: new Set(questions.filter((question) => !store?.get(question))).size,
    async build() {
      const embedder = await chooseEmbedder(args.embedder, env, args.maxRetries);
      const { vectors, embedded, reused } = await embedInBatches(embedder, questions, {
        batchSize: args.batchSize, concurrency: args.concurrency, store,
      });
      const modelSettings = await rankingSettings(records, embedder.model, args, embedder);
      const ranking = await withCollectionCalibration(records, vectors, embedder.model, modelSettings, args, embedder, store, (line) => console.error(line));
      return buildFromVectors(records, vectors, embedder.model, args, { embedded, reused }, ranking);
    },
  };
}
