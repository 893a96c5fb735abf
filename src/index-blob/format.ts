import type { FaqRecord } from "../faq-record";
import type { LexicalIndex } from "../search/bm25";
import type { QuantizedMatrix } from "../search/quantize";

/*
 * Binary layout of one index version (all integers little-endian):
 *
 *   0  magic "FQIX"                     4 bytes
 *   4  format version (u16), flags (u16: bit 0 = int8 vectors)
 *   8  dim (u32)        12 count (u32)
 *  16  meta offset (u32) 20 meta length (u32)      meta = UTF-8 JSON (IndexMeta)
 *  24  matrix offset (u32)                         vectors, 16-byte aligned: count*dim float32,
 *                                                  or int8 rows (stride: dim rounded up to 16) then float32 scales
 *  28  records offset (u32) 32 records length (u32)  UTF-8 JSON array of FaqRecord
 *  36  total length (u32)
 *  40  lexical offset (u32) 44 lexical length (u32)  BM25 postings, see lexical-section.ts
 *  48  SHA-256 of bytes [80, total)    32 bytes
 *  80  meta, padding, matrix, records, padding, lexical section
 *
 * The matrix is aligned so a Float32Array can view the KV ArrayBuffer in place.
 */
export const MAGIC = 0x58495146; // "FQIX" read as little-endian u32
export const FORMAT_VERSION = 2;
export const HEADER_BYTES = 80;
export const CHECKSUM_OFFSET = 48;
export const MATRIX_ALIGNMENT = 16;

export const FIELD = {
  magic: 0,
  formatVersion: 4,
  flags: 6,
  dim: 8,
  count: 12,
  metaOffset: 16,
  metaLength: 20,
  matrixOffset: 24,
  recordsOffset: 28,
  recordsLength: 32,
  totalLength: 36,
  lexicalOffset: 40,
  lexicalLength: 44,
} as const;

/** What the blob says about how it was built and how to rank with it. */
export interface IndexMeta {
  model: string;
  builtAt: string;
  /** Weight of the semantic score in hybrid fusion (the rest is lexical). */
  fusionAlpha: number;
  /** Semantic score below which the best match does not count as an answer; null: no threshold. */
  answerThreshold: number | null;
}

/** A decoded index: vectors are L2-normalised rows of `matrix`. */
export interface FaqIndex extends IndexMeta {
  /** Content address: hex of the first 16 bytes of the payload's SHA-256. */
  version: string;
  dim: number;
  count: number;
  /** Unit vectors as float32 rows, or null when the index stores int8. */
  matrix: Float32Array | null;
  /** Int8 rows with a scale each, or null when the index stores float32. */
  quantized: QuantizedMatrix | null;
  records: FaqRecord[];
  /** rank of each record's id in id order; breaks score ties. */
  idRank: Uint32Array;
  lexical: LexicalIndex;
  /** Lower-cased categories, for the case-insensitive filter. */
  categoryKeys: Array<string | null>;
}

export const alignUp = (value: number, alignment: number) => Math.ceil(value / alignment) * alignment;
