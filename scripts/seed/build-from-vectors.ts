import type { FaqRecord } from "../../src/faq-record";
import { buildIndex } from "../../src/index-blob/build-index";
import { pointerFor } from "../../src/index-store/keys";
import { loadXxh64Module } from "../lib/load-wasm";
import type { SeedBuild } from "./pending-index";
import type { RankingSettings } from "./ranking-settings";
import type { SeedArgs } from "./seed-args";

/** float32 is exact; past 32 MiB of vectors int8 keeps memory and scan time down, at a recall docs/performance.md gives. */
const chooseEncoding = (count: number, dim: number) => (count * dim * 4 > 32 * 2 ** 20 ? "int8" : "f32");

/** The index blob for FAQs and their unit vectors, with the model's ranking settings and the chosen encoding. */
export async function buildFromVectors(
  records: FaqRecord[],
  vectors: Float32Array[],
  model: string,
  args: Pick<SeedArgs, "vectors" | "allowedOrigins">,
  counts: { embedded: number; reused: number },
  ranking: RankingSettings,
): Promise<SeedBuild> {
  const dim = vectors[0]!.length;
  const builtAt = new Date().toISOString();
  const encoding = args.vectors === "auto" ? chooseEncoding(records.length, dim) : args.vectors;
  const { fusionAlpha, answerThreshold, answer, groupThreshold, language, synonyms } = ranking;
  // No clock in the hashed blob (builtAt "": not recorded there), so the same FAQs, model and settings give the
  // same version; the time goes in the pointer, the manifest and the dataset card (docs/notes/first-hour.md).
  const { blob, version } = await buildIndex({ model, builtAt: "", dim, records, vectors, fusionAlpha, answerThreshold, answer, allowedOrigins: args.allowedOrigins, groupThreshold, encoding, language, synonyms });
  return {
    blob,
    pointer: pointerFor(blob, { version, model, dim, count: records.length, builtAt }, loadXxh64Module()),
    ...counts,
    built: { blob, version, model, dim, builtAt, records, vectors, answerThreshold, ranking },
  };
}
