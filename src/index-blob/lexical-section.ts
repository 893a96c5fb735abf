import type { LexicalIndex } from "../search/bm25";
import { isStringArray, parseJsonBytes } from "./json-bytes";

/*
 * The lexical section:
 *   u32 termCount, u32 postingCount, u32 jsonLength, f32 k1, f32 b, f32 averageLength, u32 0, u32 0
 *   u32 postingStart[termCount + 1]
 *   u32 postingDoc[postingCount]
 *   f32 postingWeight[postingCount]
 *   f32 termIdf[termCount]
 *   UTF-8 JSON {"terms": sorted terms, "language", "synonyms"} (jsonLength bytes)
 * The arrays are viewed in place by the Worker, so BM25 is never rebuilt per isolate.
 */
const SECTION_HEADER = 32;

interface LexicalJson {
  terms: string[];
  language: LexicalIndex["language"];
  synonyms: string[][][];
}

/** Serialises the postings into one byte array. */
export function encodeLexicalSection(index: LexicalIndex): Uint8Array {
  const json: LexicalJson = { terms: index.terms, language: index.language, synonyms: index.synonyms };
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const arrays = [index.postingStart, index.postingDoc, index.postingWeight, index.termIdf];
  const bytes = new Uint8Array(SECTION_HEADER + arrays.reduce((sum, a) => sum + a.byteLength, 0) + jsonBytes.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, index.terms.length, true);
  view.setUint32(4, index.postingDoc.length, true);
  view.setUint32(8, jsonBytes.length, true);
  view.setFloat32(12, index.k1, true);
  view.setFloat32(16, index.b, true);
  view.setFloat32(20, index.averageLength, true);
  let cursor = SECTION_HEADER;
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), cursor);
    cursor += array.byteLength;
  }
  bytes.set(jsonBytes, cursor);
  return bytes;
}

/** Views the section in place (it must start 4-byte aligned); returns a reason string when it is inconsistent. */
export function readLexicalSection(section: Uint8Array, documentCount: number): LexicalIndex | string {
  if (section.byteOffset % 4 !== 0 || section.length < SECTION_HEADER) return "lexical section out of place";
  const view = new DataView(section.buffer, section.byteOffset, section.length);
  const termCount = view.getUint32(0, true);
  const postingCount = view.getUint32(4, true);
  const jsonLength = view.getUint32(8, true);
  const [k1, b, averageLength] = [view.getFloat32(12, true), view.getFloat32(16, true), view.getFloat32(20, true)];
  if (SECTION_HEADER + 4 * (2 * termCount + 1 + 2 * postingCount) + jsonLength !== section.length) return "lexical section sizes disagree";
  if (![k1, b, averageLength].every(Number.isFinite) || k1 < 0 || b < 0 || b > 1 || averageLength <= 0) return "lexical parameters out of range";
  let cursor = section.byteOffset + SECTION_HEADER;
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number) => {
    const array = make(section.buffer, cursor, length);
    cursor += 4 * length;
    return array;
  };
  const postingStart = take((buf, at, n) => new Uint32Array(buf, at, n), termCount + 1);
  const postingDoc = take((buf, at, n) => new Uint32Array(buf, at, n), postingCount);
  const postingWeight = take((buf, at, n) => new Float32Array(buf, at, n), postingCount);
  const termIdf = take((buf, at, n) => new Float32Array(buf, at, n), termCount);
  const json = parseJsonBytes(new Uint8Array(section.buffer, cursor, jsonLength)) as Partial<LexicalJson> | undefined;
  if (json === undefined) return "lexical terms are not valid JSON";
  const { terms, language, synonyms } = json;
  if (!isStringArray(terms) || terms.length !== termCount) return "lexical terms malformed";
  if (language !== "en" && language !== "none") return "lexical language unknown";
  if (!Array.isArray(synonyms) || !synonyms.every((group) => Array.isArray(group) && group.every(isStringArray))) return "synonyms malformed";
  if (postingStart[termCount] !== postingCount) return "lexical postings do not add up";
  // Cheap bounds checks so a bad index cannot write outside the score array.
  for (let i = 0; i < postingCount; i++) if (postingDoc[i]! >= documentCount) return "lexical posting names a missing FAQ";
  return { terms, postingStart, postingDoc, postingWeight, termIdf, k1, b, averageLength, language, synonyms };
}
