import { LruCache } from "../embed/lru-cache";

/**
 * The JSON bodies of recent full answers, kept in the isolate. A help
 * centre's popular questions come back again and again; a full answer
 * depends only on the index version and the parameters (the same two the
 * ETag names), so a repeated question skips the embedding lookup, the
 * ranking and the serialisation. Only answers that were answered and not
 * degraded are kept: unanswered ones are logged for the inbox each time they
 * are asked, and degraded ones must not outlive the outage.
 */
export class AnswerCache {
  private readonly bodies: LruCache<string>;

  constructor(capacity: number, private readonly maxBodyChars: number) {
    this.bodies = new LruCache(capacity);
  }

  static key(version: string, paramsJson: string): string {
    return `${version}\n${paramsJson}`;
  }

  get(key: string): string | undefined {
    return this.bodies.get(key);
  }

  /** Keeps `body` unless it is longer than the limit (answers with many long FAQs are rare and would crowd out the rest). */
  set(key: string, body: string): void {
    if (body.length <= this.maxBodyChars) this.bodies.set(key, body);
  }

  get size(): number {
    return this.bodies.size;
  }
}



