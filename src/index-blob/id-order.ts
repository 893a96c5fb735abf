/**
 * Orders ids so that "2" comes before "10": all-digit ids compare as numbers,
 * everything else by UTF-16 code units. Numeric ids sort before other ids.
 */
export function compareIds(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) {
    const aDigits = a.replace(/^0+(?=\d)/, "");
    const bDigits = b.replace(/^0+(?=\d)/, "");
    if (aDigits.length !== bDigits.length) return aDigits.length - bDigits.length;
    if (aDigits !== bDigits) return aDigits < bDigits ? -1 : 1;
    // same number written differently ("2", "002"): fall through to the raw text
  } else if (aNumeric !== bNumeric) {
    return aNumeric ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** rank[i] is the position of ids[i] when all ids are sorted with compareIds. */
export function rankIds(ids: readonly string[]): Uint32Array {
  const order = ids.map((_, i) => i).sort((x, y) => compareIds(ids[x]!, ids[y]!));
  const rank = new Uint32Array(ids.length);
  order.forEach((recordIndex, position) => {
    rank[recordIndex] = position;
  });
  return rank;
}
