import { DEFAULT_MODEL, DEFAULT_MODEL_DIM } from "../../src/config";
import type { FaqRecord } from "../../src/faq-record";
import { decodeIndex } from "../../src/index-blob/decode";
import { pointerFor } from "../../src/index-store/keys";
import { loadXxh64Module } from "../lib/load-wasm";
import { l2Normalize } from "../../src/search/normalize";
import { DATASET_FILES } from "../hub/dataset-files";
import { refLabel } from "../hub/hub-repo";
import { parseEmbeddingsCsv } from "../hub/parse-embeddings-csv";
import { readDataset } from "../hub/read-dataset";
import { buildFromVectors } from "./build-from-vectors";
import { embedDimFromEnv, embedderModel } from "./choose-embedder";
import type { PendingIndex } from "./pending-index";
import { rankingSettings } from "./ranking-settings";
import { parseFaqs, readFaqs } from "./read-faqs";
import type { SeedArgs } from "./seed-args";

/** The model and width the Worker will embed queries with: EMBED_MODEL and EMBED_DIM, as for `--embedder hf`. */
function expectedModel(env: NodeJS.ProcessEnv): { model: string; dim: number | null } {
  const model = embedderModel("hf", env);
  return { model, dim: embedDimFromEnv(env) ?? (model === DEFAULT_MODEL ? DEFAULT_MODEL_DIM : null) };
}

/** A published faq-edge index, taken byte for byte after its checksum and model are checked. */
async function fromPublishedIndex(blob: ArrayBuffer, where: string, env: NodeJS.ProcessEnv): Promise<PendingIndex> {
  const index = await decodeIndex(blob).catch((error: Error) => {
    throw new Error(`${DATASET_FILES.index} in ${where} is not a valid index (${error.message}); nothing was written`);
  });
  const wanted = env.EMBED_MODEL?.trim();
  if (wanted && (wanted !== index.model || (env.EMBED_DIM?.trim() && Number(env.EMBED_DIM) !== index.dim))) {
    throw new Error(`${where} was embedded with ${index.model} (${index.dim}-d), but EMBED_MODEL/EMBED_DIM say ${wanted}${env.EMBED_DIM ? ` (${env.EMBED_DIM}-d)` : ""}; nothing was written`);
  }
  const records = Array.from({ length: index.count }, (_, row) => index.record(row));
  // blobs built since versions became reproducible record no time: the pointer says when it was seeded
  const builtAt = index.builtAt || new Date().toISOString();
  const pointer = pointerFor(blob, { version: index.version, model: index.model, dim: index.dim, count: index.count, builtAt }, loadXxh64Module());
  return { records, model: index.model, source: `hf://datasets/${where}`, toEmbed: 0, build: async () => ({ blob, pointer, embedded: 0, reused: 0, built: null }) };
}

/** Tutorial-style: embeddings.csv rows matched, in order, with FAQ texts from --input or the dataset's faqs.jsonl. */
function fromEmbeddingsCsv(csv: string, records: FaqRecord[], where: string, args: SeedArgs, env: NodeJS.ProcessEnv): PendingIndex {
  const { dim, rows } = parseEmbeddingsCsv(csv, `${DATASET_FILES.embeddings} in ${where}`);
  const textsFrom = args.inputGiven ? args.input : DATASET_FILES.faqs;
  if (rows.length !== records.length) {
    throw new Error(`${DATASET_FILES.embeddings} in ${where} has ${rows.length} rows but ${textsFrom} has ${records.length} FAQs; they must match one to one, in order; nothing was written`);
  }
  const { model, dim: expectedDim } = expectedModel(env);
  if (expectedDim !== null && dim !== expectedDim) {
    throw new Error(`${DATASET_FILES.embeddings} in ${where} has ${dim} columns, but ${model} embeds queries in ${expectedDim} (set EMBED_MODEL and EMBED_DIM to the model that made it); nothing was written`);
  }
  const vectors = rows.map((row, i) => {
    const unit = l2Normalize(row);
    if (!unit) throw new Error(`${DATASET_FILES.embeddings} in ${where}: row ${i + 1} is all zeros; nothing was written`);
    return unit;
  });
  return {
    records, model, source: `hf://datasets/${where}`, toEmbed: 0,
    // nothing is embedded here, so only a stored calibration applies
    build: async () => buildFromVectors(records, vectors, model, args, { embedded: 0, reused: 0 }, await rankingSettings(records, model, args, null)),
  };
}

/**
 * --from-hub: seeds from a published dataset without embedding anything.
 * With --input, the dataset's embeddings.csv is paired with those texts (the
 * tutorial's layout); otherwise a faq-edge dataset's own index is used.
 */
export async function fromHub(args: SeedArgs, env: NodeJS.ProcessEnv, accessToken: string | undefined): Promise<PendingIndex> {
  const ref = args.fromHub!;
  const where = refLabel(ref);
  // Read --input first: a bad FAQ file should fail before any download.
  const inputRecords = args.inputGiven ? await readFaqs(args.input) : null;
  const files = await readDataset(ref, { hubUrl: args.hubUrl, accessToken, wantIndex: !inputRecords });
  if (files.index) return fromPublishedIndex(files.index, where, env);
  if (files.embeddingsCsv === null) {
    throw new Error(`${where} has neither ${DATASET_FILES.index} nor ${DATASET_FILES.embeddings}, so it is not an FAQ embeddings dataset; nothing was written`);
  }
  const records = inputRecords ?? (files.faqsJsonl !== null ? parseFaqs(`${DATASET_FILES.faqs} in ${where}`, files.faqsJsonl, ".jsonl") : null);
  if (!records) {
    throw new Error(`${where} has ${DATASET_FILES.embeddings} but no FAQ texts; pass --input with the FAQs in the same order as its rows`);
  }
  return fromEmbeddingsCsv(files.embeddingsCsv, records, where, args, env);
}
