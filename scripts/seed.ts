/**
 * Builds an FAQ index: read and validate the FAQs, embed the questions, write
 * build artifacts, and publish to KV. The last line on stdout is a JSON summary.
 * Usage: npm run seed -- [--input FILE] [--embedder local|hf] [--out DIR] [--kv none|local|remote]
 */
import { ApiError } from "../src/errors";
import { buildIndex } from "../src/index-blob/build-index";
import { pointerFor } from "../src/index-store/keys";
import { isMain } from "./lib/is-main";
import { answerThresholdFor } from "./seed/answer-threshold";
import { writeArtifacts } from "./seed/artifacts";
import { chooseEmbedder } from "./seed/choose-embedder";
import { embedInBatches } from "./seed/embed-in-batches";
import { EmbeddingStore } from "./seed/embedding-store";
import { FaqInputError } from "./seed/faq-input-error";
import { withKv } from "./kv/open-kv";
import { requireCloudflareToken } from "./kv/remote-kv";
import { publishVersion } from "./kv/versions";
import { readFaqs } from "./seed/read-faqs";
import { UsageError, parseSeedArgs } from "./seed/seed-args";

/** float32 is exact; past 32 MiB of vectors int8 keeps memory and scan time down at recall@5 near 0.98-1. */
const chooseEncoding = (count: number, dim: number) => (count * dim * 4 > 32 * 2 ** 20 ? "int8" : "f32");

export async function seed(argv: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const args = parseSeedArgs(argv);
  if (args.kv === "remote") requireCloudflareToken(env);
  const records = await readFaqs(args.input);
  const embedder = await chooseEmbedder(args.embedder, env, args.maxRetries);
  const store = args.cacheDir ? await EmbeddingStore.open(args.cacheDir, embedder.model) : undefined;
  const { vectors, embedded, reused } = await embedInBatches(embedder, records.map((r) => r.question), {
    batchSize: args.batchSize, concurrency: args.concurrency, store,
  });
  const dim = vectors[0]!.length;
  const builtAt = new Date().toISOString();
  const answerThreshold = await answerThresholdFor(embedder.model, args.answerThreshold);
  const encoding = args.vectors === "auto" ? chooseEncoding(records.length, dim) : args.vectors;
  const { blob, version } = await buildIndex({ model: embedder.model, builtAt, dim, records, vectors, answerThreshold, encoding });

  await writeArtifacts(args.out, { blob, version, model: embedder.model, dim, builtAt, records, vectors, answerThreshold }, args.input);
  const pointer = pointerFor(blob, { version, model: embedder.model, dim, count: records.length, builtAt });
  if (args.kv !== "none") {
    await withKv(args.kv, { configPath: args.config, persistTo: args.persistTo, verbose: args.verbose }, (store) => publishVersion(store, blob, pointer));
  }

  return { faqs: records.length, embedded, reused, model: embedder.model, dim, version, kv: args.kv };
}

function describe(error: unknown): string {
  if (error instanceof FaqInputError || error instanceof UsageError) return error.message;
  if (error instanceof ApiError) return `embedding failed (${error.code}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

if (isMain(import.meta.url)) {
  // Exit explicitly: a failed wrangler or model start can leave handles that would keep node alive.
  try {
    const summary = await seed(process.argv.slice(2), process.env);
    console.log(JSON.stringify(summary));
    process.exit(0);
  } catch (error) {
    console.error(`seed: ${describe(error)}`);
    process.exit(1);
  }
}
