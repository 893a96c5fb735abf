import type { WaitUntil } from "./inbox-writer";
import { writerFor } from "./isolate-writers";
import { maskPersonalData } from "./mask-personal-data";

export interface Feedback {
  query: string;
  id: string;
  helpful: boolean;
}

/** Stores one "Did this answer your question?" click, the question masked like the inbox's, through the isolate's writer. */
export function logFeedback(db: D1Database, feedback: Feedback, now: number, waitUntil: WaitUntil): void {
  writerFor(db).addFeedback({ query: maskPersonalData(feedback.query), id: feedback.id, helpful: feedback.helpful, at: now }, waitUntil);
}
