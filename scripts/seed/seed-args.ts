import { parseArgs } from "node:util";
import { DEFAULT_HUB_URL, parseHubRepo, type HubDatasetRef } from "../hub/hub-repo";
import { CALIBRATION_FILE } from "../calibrate/calibration-store";
import { selectorProblem, type FaqSelectors } from "../import/from-selectors";
import { UsageError } from "./usage-error";

export { UsageError };

/** The bundled demo: the tutorial's Medicare FAQs. */
export const DEFAULT_INPUT = "data/medicare-faqs.json";

export interface SeedArgs {
  input: string;
  /** Whether --input was given (with --from-hub it names the texts for a tutorial-style dataset). */
  inputGiven: boolean;
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
  /** The precision answered: true promises; the threshold is calibrated for it. */
  answerPrecision: number;
  /** Calibrate a model that has no stored calibration (false with --no-calibrate). */
  calibrate: boolean;
  /** Labelled visitor questions (`npm run inbox -- --export-labels`) to calibrate the collection with, or null. */
  calibrateWith: string | null;
  /** Where calibrations are kept, per model. */
  calibrationFile: string;
  /** How words become terms: English stemming, none, or decided from the FAQs. */
  language: "en" | "none" | "auto";
  /** JSON file of synonym groups, or null. */
  synonyms: string | null;
  /** Vector storage; auto picks int8 once float32 would pass 32 MiB. */
  vectors: "auto" | "f32" | "int8";
  config: string;
  persistTo: string | undefined;
  verbose: boolean;
  /** Dataset repo to publish to, "owner/name". */
  hub: string | null;
  /** Create the dataset repo private (only when it does not exist yet). */
  private: boolean;
  /** Licence id for the dataset card and a newly created repo. */
  license: string;
  hubUrl: string;
  hubMessage: string | null;
  /** Dataset to seed from instead of embedding (--from-hub owner/name[@revision]). */
  fromHub: HubDatasetRef | null;
  /** Show what would change and write nothing. */
  dryRun: boolean;
  /** Pages (http(s) URLs or local .html files) to read FAQs from instead of --input. */
  fromPage: string[];
  /** Sitemaps whose pages to read FAQs from. */
  sitemap: string[];
  /** Where a page's FAQs get their category. */
  categoryFrom: "title" | "h1" | "none";
  /** Pages read at most, over --from-page and --sitemap. */
  maxPages: number;
  /** Hosts (host:port) besides those of --from-page and --sitemap that the import may reach: redirects, listed pages, child sitemaps. */
  allowHost: string[];
  /** Fail (writing nothing) when any page fails. */
  strict: boolean;
  /** How long one request may take, headers and body together. */
  pageTimeoutMs: number;
  /** --question-selector and --answer-selector: tried before every other rule on each page; null when not given. */
  faqSelectors: FaqSelectors | null;
}

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
        input: { type: "string" },
        embedder: { type: "string", default: "local" },
        out: { type: "string", default: "build" },
        kv: { type: "string", default: "none" },
        "batch-size": { type: "string", default: "32" },
        concurrency: { type: "string", default: "1" },
        cache: { type: "string", default: ".faq-edge/embeddings" },
        "no-cache": { type: "boolean", default: false },
        "max-retries": { type: "string", default: "5" },
        "answer-threshold": { type: "string" },
        "answer-precision": { type: "string", default: "0.8" },
        "no-calibrate": { type: "boolean", default: false },
        "calibrate-with": { type: "string" },
        "calibration-file": { type: "string", default: CALIBRATION_FILE },
        language: { type: "string", default: "auto" },
        synonyms: { type: "string" },
        vectors: { type: "string", default: "auto" },
        config: { type: "string", default: "wrangler.toml" },
        "persist-to": { type: "string" },
        verbose: { type: "boolean", default: false },
        hub: { type: "string" },
        private: { type: "boolean", default: false },
        license: { type: "string" },
        "hub-url": { type: "string", default: DEFAULT_HUB_URL },
        "hub-message": { type: "string" },
        "from-hub": { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "from-page": { type: "string", multiple: true },
        sitemap: { type: "string", multiple: true },
        "category-from": { type: "string", default: "title" },
        "max-pages": { type: "string", default: "500" },
        "allow-host": { type: "string", multiple: true },
        strict: { type: "boolean", default: false },
        "page-timeout-ms": { type: "string", default: "10000" },
        "question-selector": { type: "string" },
        "answer-selector": { type: "string" },
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
  const answerPrecision = Number(values["answer-precision"]);
  if (!(values["answer-precision"].trim() !== "" && answerPrecision > 0 && answerPrecision < 1)) {
    throw new UsageError("--answer-precision must be a number between 0 and 1, such as 0.8");
  }
  if (values["no-calibrate"] && values["calibrate-with"] !== undefined) throw new UsageError("--calibrate-with cannot be combined with --no-calibrate");
  const hub = values.hub ?? null;
  const fromHub = values["from-hub"] ?? null;
  if (hub !== null && fromHub !== null) throw new UsageError("--hub and --from-hub cannot be combined: publish from the FAQ file, or seed from a published dataset");
  if (hub === null && (values.private || values.license !== undefined || values["hub-message"] !== undefined)) {
    throw new UsageError("--private, --license and --hub-message only apply with --hub");
  }
  if (hub !== null) parseHubRepo(hub, "--hub", false);
  const license = values.license ?? "unknown";
  if (!/^[a-z0-9][a-z0-9.+-]*$/.test(license)) throw new UsageError("--license must be a licence id such as mit, cc-by-4.0 or other");
  if (!/^https?:\/\/[^\s/]+/.test(values["hub-url"])) throw new UsageError("--hub-url must be an http(s) URL");
  const fromPage = values["from-page"] ?? [];
  const sitemap = values.sitemap ?? [];
  const fromPages = fromPage.length > 0 || sitemap.length > 0;
  if (fromPages && values.input !== undefined) throw new UsageError("--input cannot be combined with --from-page or --sitemap: the FAQs come from one place");
  if (fromPages && fromHub !== null) throw new UsageError("--from-hub cannot be combined with --from-page or --sitemap");
  for (const url of sitemap) if (!/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--sitemap must be an http(s) URL, got "${url}"`);
  if (!fromPages && (values.strict || values["allow-host"] !== undefined)) throw new UsageError("--strict and --allow-host only apply with --from-page or --sitemap");
  const maxPages = Number(values["max-pages"]);
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 100_000) throw new UsageError("--max-pages must be an integer from 1 to 100000");
  const pageTimeoutMs = Number(values["page-timeout-ms"]);
  if (!Number.isInteger(pageTimeoutMs) || pageTimeoutMs < 100 || pageTimeoutMs > 120_000) throw new UsageError("--page-timeout-ms must be an integer from 100 to 120000");
  const question = values["question-selector"];
  const answer = values["answer-selector"];
  if ((question === undefined) !== (answer === undefined)) throw new UsageError("--question-selector and --answer-selector go together: give both", 2);
  if (question !== undefined && !fromPages) throw new UsageError("--question-selector and --answer-selector only apply with --from-page or --sitemap", 2);
  for (const [flag, selector] of [["--question-selector", question], ["--answer-selector", answer]] as const) {
    const problem = selector === undefined ? null : selectorProblem(selector);
    if (problem) throw new UsageError(`${flag} "${selector}" ${problem}`, 2);
  }
  return {
    input: values.input ?? DEFAULT_INPUT,
    inputGiven: values.input !== undefined,
    embedder: choice("embedder", values.embedder, ["hf", "local"] as const),
    out: values.out,
    kv: choice("kv", values.kv, ["local", "remote", "none"] as const),
    batchSize,
    concurrency,
    cacheDir: values["no-cache"] ? null : values.cache,
    maxRetries,
    answerThreshold,
    answerPrecision,
    calibrate: !values["no-calibrate"],
    calibrateWith: values["calibrate-with"] ?? null,
    calibrationFile: values["calibration-file"],
    language: choice("language", values.language, ["en", "none", "auto"] as const),
    synonyms: values.synonyms ?? null,
    vectors: choice("vectors", values.vectors, ["auto", "f32", "int8"] as const),
    config: values.config,
    persistTo: values["persist-to"],
    verbose: values.verbose,
    hub,
    private: values.private,
    license,
    hubUrl: values["hub-url"].replace(/\/+$/, ""),
    hubMessage: values["hub-message"] ?? null,
    fromHub: fromHub === null ? null : parseHubRepo(fromHub, "--from-hub", true),
    dryRun: values["dry-run"],
    fromPage,
    sitemap,
    categoryFrom: choice("category-from", values["category-from"], ["title", "h1", "none"] as const),
    maxPages,
    allowHost: (values["allow-host"] ?? []).map((host) => host.trim().toLowerCase()),
    strict: values.strict,
    pageTimeoutMs,
    faqSelectors: question !== undefined && answer !== undefined ? { question, answer } : null,
  };
}
