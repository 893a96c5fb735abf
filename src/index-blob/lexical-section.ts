import type { LexicalIndex } from "../search/bm25";

/*
 * The lexical section, 4-byte aligned inside the blob:
 *   u32 termCount, u32 postingCount, u32 termsLength, u32 reserved
 *   u32 postingStart[termCount + 1]
 *   u32 postingDoc[postingCount]
 *   f32 postingWeight[postingCount]
 *   UTF-8 JSON array of the sorted terms (termsLength bytes)
 * The arrays are viewed in place by the Worker, so BM25 is never rebuilt per isolate.
 */
const SECTION_HEADER = 16;

export function lexicalSectionSize(index: LexicalIndex, termsBytes: Uint8Array): number {
  return SECTION_HEADER + 4 * (index.postingStart.length + 2 * index.postingDoc.length) + termsBytes.length;
}

export function writeLexicalSection(target: ArrayBuffer, offset: number, index: LexicalIndex, termsBytes: Uint8Array): void {
  const view = new DataView(target, offset);
  view.setUint32(0, index.terms.length, true);
  view.setUint32(4, index.postingDoc.length, true);
  view.setUint32(8, termsBytes.length, true);
  let cursor = offset + SECTION_HEADER;
  new Uint32Array(target, cursor, index.postingStart.length).set(index.postingStart);
  cursor += 4 * index.postingStart.length;
  new Uint32Array(target, cursor, index.postingDoc.length).set(index.postingDoc);
  cursor += 4 * index.postingDoc.length;
  new Float32Array(target, cursor, index.postingWeight.length).set(index.postingWeight);
  cursor += 4 * index.postingWeight.length;
  new Uint8Array(target, cursor, termsBytes.length).set(termsBytes);
}

/** Reads the section back; returns a reason string instead of an index when it is inconsistent. */
export function readLexicalSection(blob: ArrayBuffer, offset: number, length: number, documentCount: number): LexicalIndex | string {
  if (offset % 4 !== 0 || length < SECTION_HEADER || offset + length > blob.byteLength) return "lexical section out of place";
  const view = new DataView(blob, offset, length);
  const termCount = view.getUint32(0, true);
  const postingCount = view.getUint32(4, true);
  const termsLength = view.getUint32(8, true);
  if (SECTION_HEADER + 4 * (termCount + 1 + 2 * postingCount) + termsLength !== length) return "lexical section sizes disagree";
  let cursor = offset + SECTION_HEADER;
  const postingStart = new Uint32Array(blob, cursor, termCount + 1);
  cursor += 4 * (termCount + 1);
  const postingDoc = new Uint32Array(blob, cursor, postingCount);
  cursor += 4 * postingCount;
  const postingWeight = new Float32Array(blob, cursor, postingCount);
  cursor += 4 * postingCount;
  let terms: unknown;
  try {
    terms = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(new Uint8Array(blob, cursor, termsLength)));
  } catch {
    return "lexical terms are not valid JSON";
  }
  if (!Array.isArray(terms) || terms.length !== termCount || !terms.every((t) => typeof t === "string")) return "lexical terms malformed";
  if (postingStart[termCount] !== postingCount) return "lexical postings do not add up";
  // Cheap bounds checks so a bad index cannot read outside the score array.
  for (let i = 0; i < postingCount; i++) if (postingDoc[i]! >= documentCount) return "lexical posting names a missing FAQ";
  return { terms: terms as string[], postingStart, postingDoc, postingWeight };
}
