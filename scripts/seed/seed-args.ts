import { parseArgs } from "node:util";

export interface SeedArgs {
  input: string;
  embedder: "hf" | "local";
  out: string;
  kv: "local" | "remote" | "none";
  batchSize: number;
  /** Embedding calls in flight at once. */
  concurrency: number;
  /** Where embeddings are kept between runs, or null for none. */
  cacheDir: string | null;
  /** Retries per batch against the HF API. */
  maxRetries: number;
  /** Overrides the calibrated answer threshold. */
  answerThreshold: number | null;
  /** Vector storage; auto picks int8 once float32 would pass 32 MiB. */
  vectors: "auto" | "f32" | "int8";
  config: string;
  persistTo: string | undefined;
  verbose: boolean;
}

export class UsageError extends Error {}

const choice = <T extends string>(name: string, value: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}`);
  return value as T;
};

/** Parses `npm run seed -- ...` flags. Defaults: the demo FAQs, the local model, build/, no KV. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: "string", default: "data/medicare-faqs.json" },
        embedder: { type: "string", default: "local" },
        out: { type: "string", default: "build" },
        kv: { type: "string", default: "none" },
        "batch-size": { type: "string", default: "32" },
        concurrency: { type: "string", default: "1" },
        cache: { type: "string", default: ".faq-edge/embeddings" },
        "no-cache": { type: "boolean", default: false },
        "max-retries": { type: "string", default: "5" },
        "answer-threshold": { type: "string" },
        vectors: { type: "string", default: "auto" },
        config: { type: "string", default: "wrangler.toml" },
        "persist-to": { type: "string" },
        verbose: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 256) throw new UsageError("--batch-size must be an integer from 1 to 256");
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError("--concurrency must be an integer from 1 to 16");
  const maxRetries = Number(values["max-retries"]);
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) throw new UsageError("--max-retries must be an integer from 0 to 10");
  const rawThreshold = values["answer-threshold"];
  const answerThreshold = rawThreshold === undefined ? null : Number(rawThreshold);
  if (rawThreshold !== undefined && !(rawThreshold.trim() !== "" && answerThreshold! >= -1 && answerThreshold! <= 1)) {
    throw new UsageError("--answer-threshold must be a number from -1 to 1");
  }
  return {
    input: values.input,
    embedder: choice("embedder", values.embedder, ["hf", "local"] as const),
    out: values.out,
    kv: choice("kv", values.kv, ["local", "remote", "none"] as const),
    batchSize,
    concurrency,
    cacheDir: values["no-cache"] ? null : values.cache,
    maxRetries,
    answerThreshold,
    vectors: choice("vectors", values.vectors, ["auto", "f32", "int8"] as const),
    config: values.config,
    persistTo: values["persist-to"],
    verbose: values.verbose,
  };
}
