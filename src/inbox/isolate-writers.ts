import { addCounts, type InboxCounts } from "./inbox-stats";
import { InboxWriter } from "./inbox-writer";

/** One writer per D1 binding, for the life of the isolate: the writer coalesces what many requests ask to store. */
const writers = new Map<D1Database, InboxWriter>();

export function writerFor(db: D1Database): InboxWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new InboxWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/** What every writer of this isolate did with what it was given, for /health. */
export const inboxCounts = (): InboxCounts => addCounts([...writers.values()].map((writer) => writer.snapshot()));
