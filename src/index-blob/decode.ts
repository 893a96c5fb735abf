import type { FaqRecord } from "../faq-record";
import { contentDigest, storedDigest, versionOf } from "./checksum";
import { isAnswerCalibration } from "../search/answer-model";
import { CHECKSUM_BYTES, FIELD, FORMAT_VERSION, HEADER_BYTES, MAGIC, OLDEST_READABLE_FORMAT, SECTION, SECTION_ALIGNMENT, SECTION_COUNT, type FaqIndex, type IndexMeta } from "./format";
import { readCategorySection } from "./category-section";
import { parseJsonBytes } from "./json-bytes";
import { readLexicalSection } from "./lexical-section";
import { FLAG_INT8, FLAG_ROW_BLOCKS, encodingOf, readVectors, vectorSectionSize } from "./vector-section";

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
  const value = parseJsonBytes(bytes);
  check(value !== undefined, `${what} is not valid UTF-8 JSON`);
  return value;
}

/** Parsed records kept per index: about 2 MiB of short FAQs; all are dropped together when full. */
const PARSED_RECORDS_KEPT = 2048;

const isNullableString = (value: unknown) => value === null || typeof value === "string";

/** Only web links reach a page: a `javascript:` or `data:` URL in a hand-made blob is dropped, not served. */
const webUrlOrNull = (url: string | null) => (url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null);

function isRecord(value: unknown): value is FaqRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.id === "string" && typeof r.question === "string"
    && isNullableString(r.answer) && isNullableString(r.url) && isNullableString(r.category);
}

/**
 * How the blob's bytes are known to be the ones that were built:
 * "sha256" hashes them here and compares with the digest they end with;
 * "checked-by-chunk" means the caller has already checked every byte against
 * the per-chunk checksums of a pointer the seed script verified (see
 * IndexPointer.checksums), so the stored digest is only read, for the version.
 */
export type ContentCheck = "sha256" | "checked-by-chunk";

/**
 * Validates and decodes an index blob held in `bytes` (which must start on a
 * 16-byte boundary). Vectors, postings and id ranks are views into `bytes`,
 * not copies; records are parsed one by one when asked for. The structure,
 * the content (see ContentCheck) and, when given, the expected version (the
 * content address the pointer named) are checked before anything is returned.
 */
export async function decodeIndex(input: ArrayBuffer | Uint8Array, expectedVersion?: string, content: ContentCheck = "sha256"): Promise<FaqIndex> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  check(bytes.byteOffset % SECTION_ALIGNMENT === 0, "blob not aligned in memory");
  check(bytes.length >= HEADER_BYTES + CHECKSUM_BYTES, `too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const u32 = (offset: number) => view.getUint32(offset, true);
  check(u32(FIELD.magic) === MAGIC, "bad magic");
  const formatVersion = view.getUint16(FIELD.formatVersion, true);
  check(formatVersion >= OLDEST_READABLE_FORMAT && formatVersion <= FORMAT_VERSION, "unsupported format version");
  check(u32(FIELD.totalLength) === bytes.length, "length does not match header (truncated?)");

  const stored = storedDigest(bytes);
  if (content === "sha256") {
    const digest = await contentDigest(bytes);
    check(digest.every((byte, i) => byte === stored[i]), "checksum mismatch");
  }
  const version = versionOf(stored);
  check(expectedVersion === undefined || expectedVersion === version, "content does not match the version it is stored under");

  const flags = view.getUint16(FIELD.flags, true);
  const knownFlags = formatVersion > OLDEST_READABLE_FORMAT ? FLAG_INT8 | FLAG_ROW_BLOCKS : FLAG_INT8;
  check((flags & ~knownFlags) === 0, "unknown flags");
  check((flags & FLAG_INT8) === 0 || (flags & FLAG_ROW_BLOCKS) === 0, "row blocks are for float32 vectors only");
  const encoding = encodingOf(flags);
  const dim = u32(FIELD.dim);
  const count = u32(FIELD.count);
  check(dim > 0, "dimension is zero");
  check(u32(FIELD.sectionCount) === SECTION_COUNT, "unexpected section count");
  const section = (index: number, expectedLength?: number) => {
    const offset = u32(FIELD.sections + 8 * index);
    const length = u32(FIELD.sections + 8 * index + 4);
    check(offset >= HEADER_BYTES && offset % SECTION_ALIGNMENT === 0 && offset + length <= bytes.length - CHECKSUM_BYTES, `section ${index} out of place`);
    check(expectedLength === undefined || length === expectedLength, `section ${index} has the wrong size`);
    return bytes.subarray(offset, offset + length);
  };

  const meta = parseJson(section(SECTION.meta), "meta") as Partial<IndexMeta>;
  check(typeof meta?.model === "string" && meta.model.length > 0, "meta has no model");
  check(typeof meta.builtAt === "string", "meta has no build time");
  check(typeof meta.fusionAlpha === "number" && meta.fusionAlpha >= 0 && meta.fusionAlpha <= 1, "meta has no fusion weight");
  check(meta.answerThreshold === null || typeof meta.answerThreshold === "number", "meta has a bad answer threshold");
  // absent in blobs built before the inbox: not calibrated
  // absent before format 6: confidence is the lead, as it was
  check(meta.answer == null || isAnswerCalibration(meta.answer), "meta has a bad answer calibration");
  check(meta.allowedOrigins == null || (Array.isArray(meta.allowedOrigins) && meta.allowedOrigins.every((o) => typeof o === "string")), "meta has bad allowed origins");
  check(meta.groupThreshold == null || (typeof meta.groupThreshold === "number" && Math.abs(meta.groupThreshold) <= 1), "meta has a bad group threshold");

  const vectors = readVectors(section(SECTION.vectors, vectorSectionSize(encoding, count, dim)), flags, count, dim);
  const offsetBytes = section(SECTION.recordOffsets, 4 * (count + 1));
  const recordOffsets = new Uint32Array(offsetBytes.buffer, offsetBytes.byteOffset, count + 1);
  const recordBytes = section(SECTION.recordBytes);
  check(recordOffsets[0] === 0 && recordOffsets[count] === recordBytes.length, "record offsets do not cover the records");
  const rankBytes = section(SECTION.idRank, 4 * count);
  const categories = readCategorySection(section(SECTION.categories), count, formatVersion);
  check(typeof categories !== "string", typeof categories === "string" ? categories : "");
  const lexical = readLexicalSection(section(SECTION.lexical), count);
  check(typeof lexical !== "string", typeof lexical === "string" ? lexical : "");

  // The FAQs answered lately, parsed once: popular questions return the same few records.
  const parsedRecords = new Map<number, FaqRecord>();

  return {
    version,
    model: meta.model,
    builtAt: meta.builtAt,
    fusionAlpha: meta.fusionAlpha,
    answerThreshold: meta.answerThreshold ?? null,
    answer: meta.answer ?? null,
    allowedOrigins: meta.allowedOrigins ?? null,
    groupThreshold: meta.groupThreshold ?? null,
    dim,
    count,
    bytes,
    ...vectors,
    record(row) {
      const known = parsedRecords.get(row);
      if (known) return known;
      const start = recordOffsets[row]!;
      const end = recordOffsets[row + 1]!;
      check(row >= 0 && row < count && start <= end, `record ${row} out of range`);
      const record = parseJson(recordBytes.subarray(start, end), `record ${row}`);
      check(isRecord(record), `record ${row} has the wrong shape`);
      // frozen: one object is handed to every request that returns this FAQ
      const served = Object.freeze({ ...record, url: webUrlOrNull(record.url) });
      if (parsedRecords.size >= PARSED_RECORDS_KEPT) parsedRecords.clear();
      parsedRecords.set(row, served);
      return served;
    },
    idRank: new Uint32Array(rankBytes.buffer, rankBytes.byteOffset, count),
    lexical,
    categories,
  };
}
