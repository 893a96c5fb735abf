import { compareIds } from "../index-blob/id-order";
import type { FaqIndex } from "../index-blob/format";

const rowsInIdOrder = new WeakMap<FaqIndex, Uint32Array>();

/**
 * The row of the FAQ with this id, or null. A binary search over the rows in
 * id order (the inverse of the index's idRank, made once per index), so only
 * about log2(count) records are parsed.
 */
export function findRow(index: FaqIndex, id: string): number | null {
  let order = rowsInIdOrder.get(index);
  if (!order) {
    order = new Uint32Array(index.count);
    for (let row = 0; row < index.count; row++) order[index.idRank[row]!] = row;
    rowsInIdOrder.set(index, order);
  }
  let low = 0;
  let high = index.count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const row = order[middle]!;
    const comparison = compareIds(index.record(row).id, id);
    if (comparison === 0) return row;
    if (comparison < 0) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/** The question of the FAQ with this id, or null when the index (if any) no longer has it. */
export function questionOfId(index: FaqIndex | null, id: string): string | null {
  const row = index ? findRow(index, id) : null;
  return row === null ? null : index!.record(row).question;
}
