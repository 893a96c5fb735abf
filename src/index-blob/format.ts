import type { FaqRecord } from "../faq-record";

/*
 * Binary layout of one index version (all integers little-endian):
 *
 *   0  magic "FQIX"                     4 bytes
 *   4  format version (u16), flags (u16)
 *   8  dim (u32)        12 count (u32)
 *  16  meta offset (u32) 20 meta length (u32)      meta = UTF-8 JSON {model, builtAt}
 *  24  matrix offset (u32)                         count*dim float32, 16-byte aligned
 *  28  records offset (u32) 32 records length (u32)  UTF-8 JSON array of FaqRecord
 *  36  total length (u32)
 *  40  reserved (8 bytes)
 *  48  SHA-256 of bytes [80, total)    32 bytes
 *  80  meta, padding, matrix, records
 *
 * The matrix is aligned so a Float32Array can view the KV ArrayBuffer in place.
 */
export const MAGIC = 0x58495146; // "FQIX" read as little-endian u32
export const FORMAT_VERSION = 1;
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
} as const;

/** What the blob says about how it was built. */
export interface IndexMeta {
  model: string;
  builtAt: string;
}

/** A decoded index: vectors are L2-normalised rows of `matrix`. */
export interface FaqIndex extends IndexMeta {
  /** Content address: hex of the first 16 bytes of the payload's SHA-256. */
  version: string;
  dim: number;
  count: number;
  matrix: Float32Array;
  records: FaqRecord[];
  /** rank of each record's id in id order; breaks score ties. */
  idRank: Uint32Array;
}

export const alignUp = (value: number, alignment: number) => Math.ceil(value / alignment) * alignment;
