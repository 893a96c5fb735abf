import { alignUp } from "./format";
import { isStringArray, parseJsonBytes } from "./json-bytes";

/*
 * The categories section (format 5 on):
 *   u32 namesLength, then UTF-8 JSON: the distinct lower-cased categories, in order of first use
 *   zero bytes up to a 4-byte boundary
 *   i32 ofRow[count]: each row's category as a position in that list, -1 for none
 * A format-4 blob held a JSON array with each row's category instead: 10k
 * FAQs meant 10k strings to parse on every cold start, and a string compare
 * per row for a filter that now compares integers.
 */

/** Lower-cased categories, for the case-insensitive filter. */
export interface CategoryTable {
  /** The distinct categories. */
  names: string[];
  /** Each row's category as a position in `names`; -1 for none. */
  ofRow: Int32Array;
}

/** The section for rows with these categories (any case; null for none). */
export function encodeCategorySection(categories: Array<string | null>): Uint8Array {
  const names: string[] = [];
  const position = new Map<string, number>();
  const ofRow = Int32Array.from(categories, (category) => {
    if (category === null) return -1;
    const key = category.toLowerCase();
    if (!position.has(key)) {
      position.set(key, names.length);
      names.push(key);
    }
    return position.get(key)!;
  });
  const json = new TextEncoder().encode(JSON.stringify(names));
  const rowsAt = alignUp(4 + json.length, 4);
  const bytes = new Uint8Array(rowsAt + ofRow.byteLength);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  bytes.set(new Uint8Array(ofRow.buffer), rowsAt);
  return bytes;
}

/** The first row whose position is outside [-1, nameCount), or -1. A loop of its own, which the JIT compiles tight. */
function firstOutOfRange(ofRow: Int32Array, nameCount: number): number {
  for (let row = 0; row < ofRow.length; row++) if (ofRow[row]! < -1 || ofRow[row]! >= nameCount) return row;
  return -1;
}

/**
 * Views the section in place (it must start 4-byte aligned), or returns why it
 * is inconsistent. `formatVersion` 4 reads the older per-row JSON array.
 */
export function readCategorySection(section: Uint8Array, count: number, formatVersion: number): CategoryTable | string {
  if (formatVersion === 4) return fromPerRowJson(parseJsonBytes(section), count);
  if (section.byteOffset % 4 !== 0 || section.length < 4) return "categories out of place";
  const namesLength = new DataView(section.buffer, section.byteOffset, 4).getUint32(0, true);
  const rowsAt = alignUp(4 + namesLength, 4);
  if (rowsAt + 4 * count !== section.length) return "categories sizes disagree";
  const names = parseJsonBytes(section.subarray(4, 4 + namesLength));
  if (!isStringArray(names) || new Set(names).size !== names.length) return "category names malformed";
  const ofRow = new Int32Array(section.buffer, section.byteOffset + rowsAt, count);
  if (firstOutOfRange(ofRow, names.length) !== -1) return "a row names a missing category";
  return { names, ofRow };
}

function fromPerRowJson(perRow: unknown, count: number): CategoryTable | string {
  if (!Array.isArray(perRow) || perRow.length !== count || !perRow.every((c) => c === null || typeof c === "string")) return "categories malformed";
  return readCategorySection(encodeCategorySection(perRow as Array<string | null>), count, 5);
}
