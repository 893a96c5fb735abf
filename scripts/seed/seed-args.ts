import { DEFAULT_HUB_URL, parseHubRepo, type HubDatasetRef } from "../hub/hub-repo";
import { CALIBRATION_FILE } from "../calibrate/calibration-store";
import { selectorProblem, type FaqSelectors } from "../import/from-selectors";
import { readOptions, type CliCommand } from "../lib/cli-options";
import { UsageError } from "../lib/usage-error";
import { DEFAULT_COLLECTION, isCollectionName } from "../../src/collections/collection-name";

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
  /** The collection the index is published to (KV keys, the inbox). */
  collection: string;
  /** Browser origins this collection answers, narrowing the Worker's ALLOWED_ORIGINS; null: those. */
  allowedOrigins: string[] | null;
  /** Adds the answers drafted in the dashboard (from D1: local, or remote with --kv remote). */
  withDrafts: boolean;
}

const WITH_PAGES = "with --from-page or --sitemap";

/** The seed's options: parsed by readOptions, printed by --help (docs/notes/first-hour.md). */
export const SEED_COMMAND = {
  name: "seed",
  run: "npm run seed --",
  summary: `Builds an FAQ index: reads and checks the FAQs, embeds the questions, writes the build
artifacts (--out), and publishes the index to KV (--kv) and the dataset to the Hub (--hub).
The last line on stdout is a JSON summary. The same FAQs, model and settings give the same version.`,
  options: [
    { name: "input", type: "string", valueName: "FILE", defaultText: DEFAULT_INPUT, description: "FAQs as a JSON array (.json), JSON Lines (.jsonl) or CSV (.csv, header id,question,answer,url,category)" },
    { name: "from-page", type: "string", multiple: true, valueName: "URL|FILE", description: "read the FAQs from a web page or a saved .html file instead of --input" },
    { name: "sitemap", type: "string", multiple: true, valueName: "URL", description: "read the FAQs from the pages a sitemap (or sitemap index) lists" },
    { name: "from-hub", type: "string", valueName: "OWNER/NAME[@REV]", description: "seed from a published Hub dataset instead of embedding" },
    { name: "embedder", type: "string", choices: ["hf", "local"], default: "local", description: "hf: the HF API (HF_TOKEN, EMBED_MODEL, EMBED_DIM or HF_ENDPOINT_URL); local: the bundled offline model" },
    { name: "out", type: "string", valueName: "DIR", default: "build", description: "where the artifacts go" },
    { name: "kv", type: "string", choices: ["local", "remote", "none"], default: "none", description: "also publish to the local KV that wrangler dev reads, or to the real namespace" },
    { name: "collection", type: "string", valueName: "NAME", default: DEFAULT_COLLECTION, description: "the FAQ collection to publish to: lower-case letters, digits and hyphens (docs/collections.md)" },
    { name: "allowed-origins", type: "string", valueName: "ORIGINS", description: "comma-separated browser origins this collection answers, narrowing the Worker's ALLOWED_ORIGINS" },
    { name: "with-drafts", type: "boolean", description: "add the collection's answers drafted in the dashboard, from the local D1 database (the remote one with --kv remote), as FAQs draft-N" },
    { name: "persist-to", type: "string", valueName: "DIR", defaultText: ".wrangler/state", description: "local KV folder, as wrangler dev --persist-to" },
    { name: "config", type: "string", valueName: "FILE", default: "wrangler.toml", description: "wrangler config for the KV binding" },
    { name: "verbose", type: "boolean", description: "print the wrangler commands used for --kv remote" },
    { name: "dry-run", type: "boolean", description: "show which FAQs would be added, changed and removed; embed and write nothing" },
    { name: "batch-size", type: "string", integer: [1, 256], default: "32", description: "texts per embedding call" },
    { name: "concurrency", type: "string", integer: [1, 16], default: "1", description: "embedding calls in flight at once" },
    { name: "max-retries", type: "string", integer: [0, 10], default: "5", description: "retries per batch on 429/5xx" },
    { name: "cache", type: "string", valueName: "DIR", default: ".faq-edge/embeddings", description: "embeddings kept between runs" },
    { name: "no-cache", type: "boolean", description: "keep no embeddings between runs" },
    { name: "vectors", type: "string", choices: ["auto", "f32", "int8"], default: "auto", description: "vector storage; auto takes int8 once float32 would pass 32 MiB" },
    { name: "language", type: "string", choices: ["en", "none", "auto"], default: "auto", description: "English stemming, none, or decided from the FAQs' words" },
    { name: "synonyms", type: "string", valueName: "FILE", description: "JSON array of groups of equivalent words or phrases (data/synonyms.example.json)" },
    { name: "answer-threshold", type: "string", valueName: "X", defaultText: "calibrated", description: "the confidence the best match needs to count as answered, from -1 to 1" },
    { name: "answer-precision", type: "string", valueName: "P", default: "0.8", description: "the precision answered: true promises; the threshold is calibrated for it" },
    { name: "no-calibrate", type: "boolean", description: "do not calibrate (fusion weight 0.5, no threshold)" },
    { name: "calibrate-with", type: "string", valueName: "FILE", description: "labelled visitor questions (npm run inbox -- --export-labels) to calibrate with" },
    { name: "calibration-file", type: "string", valueName: "FILE", default: CALIBRATION_FILE, description: "where calibrations are kept, per model" },
    { name: "hub", type: "string", valueName: "OWNER/NAME", description: "also publish the dataset to the Hub in one commit (HF_TOKEN with write access)" },
    { name: "private", type: "boolean", description: "with --hub: create the dataset private" },
    { name: "license", type: "string", valueName: "ID", defaultText: "unknown", description: "with --hub: the licence on the dataset card, e.g. cc-by-4.0, mit" },
    { name: "hub-message", type: "string", valueName: "TEXT", defaultText: "faq-edge: index <version> (<n> FAQs, <model>)", description: "with --hub: the commit message" },
    { name: "hub-url", type: "string", valueName: "URL", default: DEFAULT_HUB_URL, description: "another Hub endpoint (a mirror, a private Hub)" },
    { name: "category-from", type: "string", choices: ["title", "h1", "none"], default: "title", description: `${WITH_PAGES}: the category of a page's FAQs` },
    { name: "max-pages", type: "string", integer: [1, 100_000], default: "500", description: `${WITH_PAGES}: pages read at most` },
    { name: "allow-host", type: "string", multiple: true, valueName: "HOST", description: `${WITH_PAGES}: another host the import may reach (redirects, listed pages)` },
    { name: "page-timeout-ms", type: "string", integer: [100, 120_000], default: "10000", description: `${WITH_PAGES}: how long one request may take` },
    { name: "strict", type: "boolean", description: `${WITH_PAGES}: fail, writing nothing, if any page fails` },
    { name: "question-selector", type: "string", valueName: "CSS", description: `${WITH_PAGES}, with --answer-selector: where the questions are (docs/importing.md)` },
    { name: "answer-selector", type: "string", valueName: "CSS", description: `${WITH_PAGES}, with --question-selector: where the answers are` },
  ],
  environment: [
    ["HF_TOKEN", "with --embedder hf or --hub: a Hugging Face access token"],
    ["HF_ENDPOINT_URL", "with --embedder hf: a TEI or Inference Endpoint URL instead of the HF API"],
    ["EMBED_MODEL, EMBED_DIM", "with --embedder hf: the model and its width (default sentence-transformers/all-MiniLM-L6-v2, 384)"],
    ["CLOUDFLARE_API_TOKEN", "with --kv remote: a token with Workers KV Storage: Edit"],
  ],
  examples: [
    "npm run seed -- --input faqs.csv --kv local",
    "npm run seed -- --from-page https://example.com/faq --dry-run",
    "npm run seed -- --input faqs-de.jsonl --collection help-de --kv local",
  ],
} as const satisfies CliCommand;

/** Parses `npm run seed -- ...` flags (SEED_COMMAND). Defaults: the demo FAQs, the local model, build/, no KV. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  const values = readOptions(SEED_COMMAND, argv);
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
  if (values["with-drafts"] && values["from-hub"] !== undefined) throw new UsageError("--with-drafts cannot be combined with --from-hub: a published dataset is seeded as it is");
  if (!isCollectionName(values.collection)) throw new UsageError("--collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
  const allowedOrigins = values["allowed-origins"] === undefined ? null : values["allowed-origins"].split(",").map((origin) => origin.trim()).filter(Boolean);
  for (const origin of allowedOrigins ?? []) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) throw new UsageError(`--allowed-origins takes origins such as https://help.example.com, got "${origin}"`);
  }
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
  const fromPage = values["from-page"];
  const sitemap = values.sitemap;
  const fromPages = fromPage.length > 0 || sitemap.length > 0;
  if (fromPages && values.input !== undefined) throw new UsageError("--input cannot be combined with --from-page or --sitemap: the FAQs come from one place");
  if (fromPages && fromHub !== null) throw new UsageError("--from-hub cannot be combined with --from-page or --sitemap");
  for (const url of sitemap) if (!/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--sitemap must be an http(s) URL, got "${url}"`);
  if (!fromPages && (values.strict || values["allow-host"].length > 0)) throw new UsageError("--strict and --allow-host only apply with --from-page or --sitemap");
  const question = values["question-selector"];
  const answer = values["answer-selector"];
  if ((question === undefined) !== (answer === undefined)) throw new UsageError("--question-selector and --answer-selector go together: give both");
  if (question !== undefined && !fromPages) throw new UsageError("--question-selector and --answer-selector only apply with --from-page or --sitemap");
  for (const [flag, selector] of [["--question-selector", question], ["--answer-selector", answer]] as const) {
    const problem = selector === undefined ? null : selectorProblem(selector);
    if (problem) throw new UsageError(`${flag} "${selector}" ${problem}`);
  }
  return {
    input: values.input ?? DEFAULT_INPUT,
    inputGiven: values.input !== undefined,
    collection: values.collection,
    allowedOrigins,
    withDrafts: values["with-drafts"],
    embedder: values.embedder,
    out: values.out,
    kv: values.kv,
    batchSize: values["batch-size"],
    concurrency: values.concurrency,
    cacheDir: values["no-cache"] ? null : values.cache,
    maxRetries: values["max-retries"],
    answerThreshold,
    answerPrecision,
    calibrate: !values["no-calibrate"],
    calibrateWith: values["calibrate-with"] ?? null,
    calibrationFile: values["calibration-file"],
    language: values.language,
    synonyms: values.synonyms ?? null,
    vectors: values.vectors,
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
    categoryFrom: values["category-from"],
    maxPages: values["max-pages"],
    allowHost: values["allow-host"].map((host) => host.trim().toLowerCase()),
    strict: values.strict,
    pageTimeoutMs: values["page-timeout-ms"],
    faqSelectors: question !== undefined && answer !== undefined ? { question, answer } : null,
  };
}
