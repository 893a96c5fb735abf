import { addCounts, type InboxCounts } from "./inbox-stats";
import { InboxWriter } from "./inbox-writer";

/** One writer per D1 binding, for the life of the isolate: a writer coalesces what many requests ask to store. */
export class InboxWriters {
  private readonly writers = new Map<D1Database, InboxWriter>();

  writerFor(db: D1Database): InboxWriter {
    let writer = this.writers.get(db);
    if (!writer) {
      writer = new InboxWriter(db);
      this.writers.set(db, writer);
    }
    return writer;
  }

  /** What every writer did with what it was given, for /health. */
  counts(): InboxCounts {
    return addCounts([...this.writers.values()].map((writer) => writer.snapshot()));
  }
}
