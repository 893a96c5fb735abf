import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { FaqRecord } from "../../src/faq-record";
import { RANKING_DEFAULTS } from "../../src/search/ranking-defaults";
import type { RankingSettings } from "./ranking-settings";

export interface BuiltIndex {
  blob: ArrayBuffer;
  version: string;
  model: string;
  dim: number;
  builtAt: string;
  records: FaqRecord[];
  vectors: Float32Array[];
  answerThreshold: number | null;
  ranking: RankingSettings;
}

/** The shortest decimal that reads back as the same float32 (numpy prints float32 the same way). */
export function float32Text(value: number): string {
  for (let digits = 6; digits < 9; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(Number(value.toPrecision(9)));
}

/**
 * embeddings.csv in the tutorial's layout (pandas `to_csv(index=False)` of
 * the embedding matrix): a header of column numbers, then one row per FAQ.
 * Returned as lines, each ending in "\n": a large index would not fit in one
 * JavaScript string (about 4 KB per 384-d row).
 */
export function embeddingsCsv(vectors: Float32Array[], dim: number): string[] {
  const header = Array.from({ length: dim }, (_, i) => String(i)).join(",") + "\n";
  return [header, ...vectors.map((v) => Array.from(v, float32Text).join(",") + "\n")];
}

export const blobFileName = (version: string) => `index-${version}.bin`;

/**
 * Writes the blob, embeddings.csv, manifest.json and faqs.jsonl into `dir`. Each file is
 * written beside its final name and renamed into place, so a failed run
 * leaves the previous artifacts whole.
 */
export async function writeArtifacts(dir: string, index: BuiltIndex, source: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    version: index.version,
    model: index.model,
    dim: index.dim,
    count: index.records.length,
    builtAt: index.builtAt,
    answerThreshold: index.answerThreshold,
    groupThreshold: index.ranking.groupThreshold,
    ranking: { ...RANKING_DEFAULTS, ...index.ranking, synonyms: index.ranking.synonyms.length },
    source,
    files: { blob: blobFileName(index.version), embeddings: "embeddings.csv" },
  };
  const files: Array<[string, string | Uint8Array | string[]]> = [
    [blobFileName(index.version), new Uint8Array(index.blob)],
    ["embeddings.csv", embeddingsCsv(index.vectors, index.dim)],
    ["manifest.json", JSON.stringify(manifest, null, 2) + "\n"],
    // the FAQs as indexed, whatever they were read from: a file to edit and seed again with --input
    ["faqs.jsonl", index.records.map((record) => JSON.stringify(record) + "\n")],
  ];
  const staged: string[] = [];
  try {
    for (const [name, content] of files) {
      const temporary = join(dir, `.${name}.tmp`);
      staged.push(temporary);
      await writeFile(temporary, Array.isArray(content) ? Readable.from(content) : content);
    }
  } catch (error) {
    await Promise.all(staged.map((path) => rm(path, { force: true })));
    throw error;
  }
  for (const [name] of files) await rename(join(dir, `.${name}.tmp`), join(dir, name));
  return files.map(([name]) => join(dir, name));
}
