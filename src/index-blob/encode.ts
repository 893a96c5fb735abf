import type { FaqRecord } from "../faq-record";
import type { LexicalIndex } from "../search/bm25";
import { l2Normalize } from "../search/normalize";
import { contentDigest, versionOf } from "./checksum";
import { CHECKSUM_BYTES, FIELD, FORMAT_VERSION, MAGIC, SECTION, SECTION_COUNT, sectionLayout, type IndexMeta } from "./format";
import { encodeCategorySection } from "./category-section";
import { rankIds } from "./id-order";
import { encodeLexicalSection } from "./lexical-section";
import { encodeVectors, vectorFlags, type VectorEncoding } from "./vector-section";

export interface EncodeInput extends IndexMeta {
  dim: number;
  records: FaqRecord[];
  /** One vector per record, any scale; they are L2-normalised here. */
  vectors: ArrayLike<number>[];
  /** BM25 over the same records, in the same order. */
  lexical: LexicalIndex;
  /** float32 (exact), or int8 with a scale per vector (a quarter of the size). Default f32. */
  encoding?: VectorEncoding;
}

export interface EncodedIndex {
  blob: ArrayBuffer;
  version: string;
}

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const bytesOf = (array: Uint32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function recordSections(records: FaqRecord[]): [Uint8Array, Uint8Array] {
  const encoded = records.map(utf8);
  const offsets = new Uint32Array(records.length + 1);
  encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i]! + bytes.length));
  const all = new Uint8Array(offsets[records.length]!);
  encoded.forEach((bytes, i) => all.set(bytes, offsets[i]!));
  return [bytesOf(offsets), all];
}

/** Builds an index blob. Throws if a vector has the wrong length, a non-finite value, or zero norm. */
export async function encodeIndex(input: EncodeInput): Promise<EncodedIndex> {
  const { dim, records, vectors } = input;
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dimension must be a positive integer, got ${dim}`);
  if (vectors.length !== records.length) throw new Error(`${records.length} records but ${vectors.length} vectors`);
  const encoding = input.encoding ?? "f32";
  const units = vectors.map((vector, row) => {
    if (vector.length !== dim) throw new Error(`vector ${row} (id ${records[row]!.id}) has ${vector.length} dimensions, expected ${dim}`);
    const unit = l2Normalize(vector);
    if (!unit) throw new Error(`vector ${row} (id ${records[row]!.id}) is zero or not finite`);
    return unit;
  });

  const meta: IndexMeta = { model: input.model, builtAt: input.builtAt, fusionAlpha: input.fusionAlpha, answerThreshold: input.answerThreshold, answer: input.answer, allowedOrigins: input.allowedOrigins, groupThreshold: input.groupThreshold };
  const [recordOffsets, recordBytes] = recordSections(records);
  const sections: Uint8Array[] = [];
  sections[SECTION.meta] = utf8(meta);
  sections[SECTION.vectors] = encodeVectors(encoding, units, dim);
  sections[SECTION.recordOffsets] = recordOffsets;
  sections[SECTION.recordBytes] = recordBytes;
  sections[SECTION.lexical] = encodeLexicalSection(input.lexical);
  sections[SECTION.idRank] = bytesOf(rankIds(records.map((r) => r.id)));
  sections[SECTION.categories] = encodeCategorySection(records.map((r) => r.category));

  const { offsets, checksumAt } = sectionLayout(sections);
  const totalLength = checksumAt + CHECKSUM_BYTES;
  const blob = new ArrayBuffer(totalLength);
  const bytes = new Uint8Array(blob);
  const view = new DataView(blob);
  view.setUint32(FIELD.magic, MAGIC, true);
  view.setUint16(FIELD.formatVersion, FORMAT_VERSION, true);
  view.setUint16(FIELD.flags, vectorFlags(encoding), true);
  view.setUint32(FIELD.dim, dim, true);
  view.setUint32(FIELD.count, records.length, true);
  view.setUint32(FIELD.totalLength, totalLength, true);
  view.setUint32(FIELD.sectionCount, SECTION_COUNT, true);
  sections.forEach((section, i) => {
    view.setUint32(FIELD.sections + 8 * i, offsets[i]!, true);
    view.setUint32(FIELD.sections + 8 * i + 4, section.length, true);
    bytes.set(section, offsets[i]!);
  });
  const digest = await contentDigest(bytes);
  bytes.set(digest, totalLength - CHECKSUM_BYTES);
  return { blob, version: versionOf(digest) };
}
