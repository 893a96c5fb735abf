import type { FaqRecord } from "../../src/faq-record";

export interface IndexDiff {
  added: string[];
  removed: string[];
  /** Same id, different question, answer, url or category. */
  changed: string[];
  unchanged: number;
}

const sameRecord = (a: FaqRecord, b: FaqRecord) =>
  a.question === b.question && a.answer === b.answer && a.url === b.url && a.category === b.category;

/** FAQs matched by id between the served index and the next one. */
export function diffRecords(current: FaqRecord[], next: FaqRecord[]): IndexDiff {
  const before = new Map(current.map((record) => [record.id, record]));
  const nextIds = new Set(next.map((record) => record.id));
  const diff: IndexDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const record of next) {
    const old = before.get(record.id);
    if (!old) diff.added.push(record.id);
    else if (!sameRecord(old, record)) diff.changed.push(record.id);
    else diff.unchanged++;
  }
  for (const record of current) if (!nextIds.has(record.id)) diff.removed.push(record.id);
  return diff;
}
