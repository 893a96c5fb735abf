import type { InboxWriter, WaitUntil } from "./inbox-writer";
import { maskPersonalData } from "./mask-personal-data";
import { questionKey } from "./question-key";
import { toStoredVector } from "./question-vector";

/**
 * What is stored about one unanswered question. No IP address, user agent or
 * cookie: nothing about who asked; personal data in the text is masked
 * before it is stored (mask-personal-data.ts).
 */
export interface UnansweredQuestion {
  collection: string;
  text: string;
  nearest: { id: string; score: number } | null;
  /** The query's unit vector; null when it was not embedded (degraded answer). */
  vector: Float32Array | null;
  model: string;
  degraded: boolean;
}

/**
 * Records (or counts again) one question a collection did not answer,
 * through the isolate's writer: it is written after the answer is sent,
 * with what other requests asked meanwhile (inbox-writer.ts).
 */
export function logUnanswered(writer: InboxWriter, question: UnansweredQuestion, now: number, waitUntil: WaitUntil): void {
  const text = maskPersonalData(question.text);
  writer.addQuestion({
    collection: question.collection,
    key: questionKey(text),
    text,
    count: 1,
    firstSeen: now,
    lastSeen: now,
    nearest: question.nearest,
    vector: question.vector ? toStoredVector(question.vector) : null,
    model: question.model,
    degraded: question.degraded,
  }, waitUntil);
}
