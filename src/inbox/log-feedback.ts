import type { InboxWriter, WaitUntil } from "./inbox-writer";
import { maskPersonalData } from "./mask-personal-data";

export interface Feedback {
  collection: string;
  query: string;
  id: string;
  helpful: boolean;
}

/** Stores one "Did this answer your question?" click, the question masked like the inbox's, through the isolate's writer. */
export function logFeedback(writer: InboxWriter, feedback: Feedback, now: number, waitUntil: WaitUntil): void {
  writer.addFeedback({ collection: feedback.collection, query: maskPersonalData(feedback.query), id: feedback.id, helpful: feedback.helpful, at: now }, waitUntil);
}
