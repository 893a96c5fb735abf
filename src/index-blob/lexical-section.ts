import type { LexicalIndex } from "../search/bm25";

/*
 * The lexical section:
 *   u32 termCount, u32 postingCount, u32 termsLength, u32 reserved
 *   u32 postingStart[termCount + 1]
 *   u32 postingDoc[postingCount]
 *   f32 postingWeight[postingCount]
 *   UTF-8 JSON array of the sorted terms (termsLength bytes)
 * The arrays are viewed in place by the Worker, so BM25 is never rebuilt per isolate.
 */
const SECTION_HEADER = 16;

/** Serialises the postings into one byte array. */
export function encodeLexicalSection(index: LexicalIndex): Uint8Array {
  const termsBytes = new TextEncoder().encode(JSON.stringify(index.terms));
  const bytes = new Uint8Array(SECTION_HEADER + 4 * (index.postingStart.length + 2 * index.postingDoc.length) + termsBytes.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, index.terms.length, true);
  view.setUint32(4, index.postingDoc.length, true);
  view.setUint32(8, termsBytes.length, true);
  let cursor = SECTION_HEADER;
  for (const array of [index.postingStart, index.postingDoc, index.postingWeight]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), cursor);
    cursor += array.byteLength;
  }
  bytes.set(termsBytes, cursor);
  return bytes;
}

/** Views the section in place (it must start 4-byte aligned); returns a reason string when it is inconsistent. */
export function readLexicalSection(section: Uint8Array, documentCount: number): LexicalIndex | string {
  if (section.byteOffset % 4 !== 0 || section.length < SECTION_HEADER) return "lexical section out of place";
  const view = new DataView(section.buffer, section.byteOffset, section.length);
  const termCount = view.getUint32(0, true);
  const postingCount = view.getUint32(4, true);
  const termsLength = view.getUint32(8, true);
  if (SECTION_HEADER + 4 * (termCount + 1 + 2 * postingCount) + termsLength !== section.length) return "lexical section sizes disagree";
  let cursor = section.byteOffset + SECTION_HEADER;
  const postingStart = new Uint32Array(section.buffer, cursor, termCount + 1);
  cursor += 4 * (termCount + 1);
  const postingDoc = new Uint32Array(section.buffer, cursor, postingCount);
  cursor += 4 * postingCount;
  const postingWeight = new Float32Array(section.buffer, cursor, postingCount);
  cursor += 4 * postingCount;
  let terms: unknown;
  try {
    terms = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(new Uint8Array(section.buffer, cursor, termsLength)));
  } catch {
    return "lexical terms are not valid JSON";
  }
  if (!Array.isArray(terms) || terms.length !== termCount || !terms.every((t) => typeof t === "string")) return "lexical terms malformed";
  if (postingStart[termCount] !== postingCount) return "lexical postings do not add up";
  // Cheap bounds checks so a bad index cannot write outside the score array.
  for (let i = 0; i < postingCount; i++) if (postingDoc[i]! >= documentCount) return "lexical posting names a missing FAQ";
  return { terms: terms as string[], postingStart, postingDoc, postingWeight };
}
