import type { FaqRecord } from "../faq-record";
import { payloadDigest, storedDigest, versionOf } from "./checksum";
import { FIELD, FORMAT_VERSION, HEADER_BYTES, MAGIC, MATRIX_ALIGNMENT, type FaqIndex, type IndexMeta } from "./format";
import { rankIds } from "./id-order";
import { readLexicalSection } from "./lexical-section";
import { FLAG_INT8, readVectors, vectorSectionSize } from "./vector-section";

/** The blob is not a valid index; `reason` says which check failed. */
export class CorruptIndexError extends Error {
  constructor(reason: string) {
    super(`index blob rejected: ${reason}`);
    this.name = "CorruptIndexError";
  }
}

function check(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new CorruptIndexError(reason);
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new CorruptIndexError(`${what} is not valid UTF-8 JSON`);
  }
}

const isNullableString = (value: unknown) => value === null || typeof value === "string";

function isRecord(value: unknown): value is FaqRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.id === "string" && typeof r.question === "string"
    && isNullableString(r.answer) && isNullableString(r.url) && isNullableString(r.category);
}

/**
 * Validates and decodes an index blob. The matrix is a view into `blob`, not a
 * copy. Every structural field, the checksum and, when given, the expected
 * version (the content address the pointer named) are checked before anything
 * is returned.
 */
export async function decodeIndex(blob: ArrayBuffer, expectedVersion?: string): Promise<FaqIndex> {
  check(blob.byteLength >= HEADER_BYTES, `too short (${blob.byteLength} bytes)`);
  const view = new DataView(blob);
  const u32 = (offset: number) => view.getUint32(offset, true);
  check(u32(FIELD.magic) === MAGIC, "bad magic");
  check(view.getUint16(FIELD.formatVersion, true) === FORMAT_VERSION, "unsupported format version");
  check(u32(FIELD.totalLength) === blob.byteLength, "length does not match header (truncated?)");

  const digest = await payloadDigest(blob);
  const stored = storedDigest(blob);
  check(digest.every((byte, i) => byte === stored[i]), "checksum mismatch");
  const version = versionOf(digest);
  check(expectedVersion === undefined || expectedVersion === version, "content does not match the version it is stored under");

  const flags = view.getUint16(FIELD.flags, true);
  check((flags & ~FLAG_INT8) === 0, "unknown flags");
  const encoding = flags & FLAG_INT8 ? "int8" : "f32";
  const dim = u32(FIELD.dim);
  const count = u32(FIELD.count);
  const metaOffset = u32(FIELD.metaOffset);
  const metaLength = u32(FIELD.metaLength);
  const matrixOffset = u32(FIELD.matrixOffset);
  const recordsOffset = u32(FIELD.recordsOffset);
  const recordsLength = u32(FIELD.recordsLength);
  check(dim > 0, "dimension is zero");
  check(metaOffset >= HEADER_BYTES && metaOffset + metaLength <= matrixOffset, "meta out of place");
  check(matrixOffset % MATRIX_ALIGNMENT === 0, "matrix not aligned");
  check(matrixOffset + vectorSectionSize(encoding, count, dim) === recordsOffset, "matrix size does not match count and dimension");
  const lexicalOffset = u32(FIELD.lexicalOffset);
  const lexicalLength = u32(FIELD.lexicalLength);
  check(recordsOffset + recordsLength <= lexicalOffset && lexicalOffset - (recordsOffset + recordsLength) < 4, "records out of place");
  check(lexicalOffset + lexicalLength === blob.byteLength, "lexical section out of place");

  const meta = parseJson(new Uint8Array(blob, metaOffset, metaLength), "meta") as Partial<IndexMeta>;
  check(typeof meta?.model === "string" && meta.model.length > 0, "meta has no model");
  check(typeof meta.builtAt === "string", "meta has no build time");
  check(typeof meta.fusionAlpha === "number" && meta.fusionAlpha >= 0 && meta.fusionAlpha <= 1, "meta has no fusion weight");
  check(meta.answerThreshold === null || typeof meta.answerThreshold === "number", "meta has a bad answer threshold");
  const records = parseJson(new Uint8Array(blob, recordsOffset, recordsLength), "records");
  check(Array.isArray(records) && records.length === count, "record count does not match header");
  check(records.every(isRecord), "a record has the wrong shape");
  const lexical = readLexicalSection(blob, lexicalOffset, lexicalLength, count);
  check(typeof lexical !== "string", typeof lexical === "string" ? lexical : "");

  return {
    version,
    model: meta.model,
    builtAt: meta.builtAt,
    fusionAlpha: meta.fusionAlpha,
    answerThreshold: meta.answerThreshold ?? null,
    dim,
    count,
    ...readVectors(blob, matrixOffset, encoding, count, dim),
    records,
    idRank: rankIds(records.map((r) => r.id)),
    lexical,
    categoryKeys: records.map((r) => r.category?.toLowerCase() ?? null),
  };
}
