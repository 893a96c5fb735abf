import type { FaqRecord } from "../faq-record";
import type { LexicalIndex } from "../search/bm25";
import { l2Normalize } from "../search/normalize";
import { payloadDigest, versionOf } from "./checksum";
import { CHECKSUM_OFFSET, FIELD, FORMAT_VERSION, HEADER_BYTES, MAGIC, MATRIX_ALIGNMENT, alignUp, type IndexMeta } from "./format";
import { lexicalSectionSize, writeLexicalSection } from "./lexical-section";
import { FLAG_INT8, vectorSectionSize, writeVectors, type VectorEncoding } from "./vector-section";

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

/** Builds an index blob. Throws if a vector has the wrong length, a non-finite value, or zero norm. */
export async function encodeIndex(input: EncodeInput): Promise<EncodedIndex> {
  const { dim, records, vectors } = input;
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`dimension must be a positive integer, got ${dim}`);
  if (vectors.length !== records.length) {
    throw new Error(`${records.length} records but ${vectors.length} vectors`);
  }
  const encoding = input.encoding ?? "f32";
  const units = vectors.map((vector, row) => {
    if (vector.length !== dim) {
      throw new Error(`vector ${row} (id ${records[row]!.id}) has ${vector.length} dimensions, expected ${dim}`);
    }
    const unit = l2Normalize(vector);
    if (!unit) throw new Error(`vector ${row} (id ${records[row]!.id}) is zero or not finite`);
    return unit;
  });
  const encoder = new TextEncoder();
  const indexMeta: IndexMeta = {
    model: input.model,
    builtAt: input.builtAt,
    fusionAlpha: input.fusionAlpha,
    answerThreshold: input.answerThreshold,
  };
  const meta = encoder.encode(JSON.stringify(indexMeta));
  const termsBytes = encoder.encode(JSON.stringify(input.lexical.terms));
  const recordBytes = encoder.encode(JSON.stringify(records));

  const metaOffset = HEADER_BYTES;
  const matrixOffset = alignUp(metaOffset + meta.length, MATRIX_ALIGNMENT);
  const matrixBytes = vectorSectionSize(encoding, records.length, dim);
  const recordsOffset = matrixOffset + matrixBytes;
  const lexicalOffset = alignUp(recordsOffset + recordBytes.length, 4);
  const lexicalLength = lexicalSectionSize(input.lexical, termsBytes);
  const totalLength = lexicalOffset + lexicalLength;

  const blob = new ArrayBuffer(totalLength);
  const bytes = new Uint8Array(blob);
  const view = new DataView(blob);
  view.setUint32(FIELD.magic, MAGIC, true);
  view.setUint16(FIELD.formatVersion, FORMAT_VERSION, true);
  view.setUint16(FIELD.flags, encoding === "int8" ? FLAG_INT8 : 0, true);
  view.setUint32(FIELD.dim, dim, true);
  view.setUint32(FIELD.count, records.length, true);
  view.setUint32(FIELD.metaOffset, metaOffset, true);
  view.setUint32(FIELD.metaLength, meta.length, true);
  view.setUint32(FIELD.matrixOffset, matrixOffset, true);
  view.setUint32(FIELD.recordsOffset, recordsOffset, true);
  view.setUint32(FIELD.recordsLength, recordBytes.length, true);
  view.setUint32(FIELD.totalLength, totalLength, true);
  view.setUint32(FIELD.lexicalOffset, lexicalOffset, true);
  view.setUint32(FIELD.lexicalLength, lexicalLength, true);
  bytes.set(meta, metaOffset);
  bytes.set(recordBytes, recordsOffset);
  writeLexicalSection(blob, lexicalOffset, input.lexical, termsBytes);
  writeVectors(blob, matrixOffset, encoding, units, dim);

  const digest = await payloadDigest(blob);
  bytes.set(digest, CHECKSUM_OFFSET);
  return { blob, version: versionOf(digest) };
}
