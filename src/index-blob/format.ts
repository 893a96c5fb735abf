import type { FaqRecord } from "../faq-record";
import type { LexicalIndex } from "../search/bm25";
import type { F32Matrix } from "../search/f32-matrix";
import type { CategoryTable } from "./category-section";
import type { AnswerCalibration } from "../search/answer-model";
import type { QuantizedMatrix } from "../search/quantize";

/*
 * Binary layout of one index version (integers little-endian):
 *
 *   0  magic "FQIX"          4  format version (u16), flags (u16: bit 0 = int8 vectors,
 *                                bit 1 = float32 rows in blocks of four, see search/f32-matrix.ts)
 *   8  dim (u32)            12  count (u32)
 *  16  total length (u32)   20  section count (u32)
 *  24  sections: (offset u32, length u32) for each SECTION below
 *  80  the sections, each starting on a 16-byte boundary
 * end-32  SHA-256 of every byte before it
 *
 * Everything the Worker searches (vectors, BM25 postings, id ranks) is viewed
 * in place by typed arrays; a record is parsed only when it is returned.
 */
export const MAGIC = 0x58495146; // "FQIX" read as little-endian u32
export const FORMAT_VERSION = 6;
/**
 * Format 4 differs only in having no row blocks and a JSON array of each
 * row's category (see category-section.ts), and format 5 only in having no
 * `answer` calibration in its meta, so their blobs are still read: a Worker
 * upgraded before its index is seeded again keeps serving it. Format 6 is
 * refused by older Workers, which keep the version they serve: its
 * `answerThreshold` is null, which they would read as "answer everything".
 */
export const OLDEST_READABLE_FORMAT = 4;
export const HEADER_BYTES = 80;
export const CHECKSUM_BYTES = 32;
export const SECTION_ALIGNMENT = 16;

export const FIELD = { magic: 0, formatVersion: 4, flags: 6, dim: 8, count: 12, totalLength: 16, sectionCount: 20, sections: 24 } as const;

export const SECTION = {
  /** UTF-8 JSON IndexMeta */
  meta: 0,
  /** count*dim float32 (laid out as search/f32-matrix.ts says), or (flag int8) int8 rows then float32 scales */
  vectors: 1,
  /** u32[count + 1]: where each record's JSON starts in recordBytes */
  recordOffsets: 2,
  /** the records' UTF-8 JSON, one after another */
  recordBytes: 3,
  /** BM25 postings, see lexical-section.ts */
  lexical: 4,
  /** u32[count]: each record's position in id order, for ties */
  idRank: 5,
  /** the lower-cased categories and each row's, for the filter: see category-section.ts */
  categories: 6,
} as const;
export const SECTION_COUNT = 7;

/** What the blob says about how it was built and how to rank with it. */
export interface IndexMeta {
  model: string;
  builtAt: string;
  /** Weight of the semantic score in hybrid fusion (the rest is lexical). */
  fusionAlpha: number;
  /**
   * Indexes without `answer` (built with --no-calibrate, or before format 6):
   * the lead of the best match over the next from which it counts as an answer; null: no threshold.
   */
  answerThreshold: number | null;
  /** How `confidence` and `answered` are computed for this collection; null: from the lead (answerThreshold). */
  answer: AnswerCalibration | null;
  /** Browser origins this collection answers, narrowing the Worker's ALLOWED_ORIGINS; null: those. */
  allowedOrigins: string[] | null;
  /** Cosine from which the inbox groups two unanswered questions; null: not calibrated (src/inbox/group-questions.ts has the default). */
  groupThreshold: number | null;
}

/** A decoded index. Vectors are unit length. */
export interface FaqIndex extends IndexMeta {
  /** Content address: hex of the first 16 bytes of the SHA-256. */
  version: string;
  dim: number;
  count: number;
  /** The blob's bytes, where the vector views point. */
  bytes: Uint8Array;
  /** Set when `bytes` lies in this WebAssembly memory, so kernels search it in place. */
  memory?: WebAssembly.Memory;
  /** Set once the index is out of service: its memory may already hold the next version. */
  retired?: boolean;
  /** Unit vectors as float32, or null when the index stores int8. */
  matrix: F32Matrix | null;
  /** Int8 rows with a scale each, or null when the index stores float32. */
  quantized: QuantizedMatrix | null;
  /** The record of a row, parsed on demand. */
  record(row: number): FaqRecord;
  /** rank of each record's id in id order; breaks score ties. */
  idRank: Uint32Array;
  lexical: LexicalIndex;
  categories: CategoryTable;
}

export const alignUp = (value: number, alignment: number) => Math.ceil(value / alignment) * alignment;

/** Where each section starts when laid out after the header on 16-byte boundaries, and where the checksum goes. */
export function sectionLayout(sections: Uint8Array[]): { offsets: number[]; checksumAt: number } {
  const offsets: number[] = [];
  let cursor = HEADER_BYTES;
  for (const section of sections) {
    cursor = alignUp(cursor, SECTION_ALIGNMENT);
    offsets.push(cursor);
    cursor += section.length;
  }
  return { offsets, checksumAt: cursor };
}
