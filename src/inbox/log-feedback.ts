import { maskPersonalData } from "./mask-personal-data";

export interface Feedback {
  query: string;
  id: string;
  helpful: boolean;
}

/** Stores one "Did this answer your question?" click, the question masked like the inbox's. */
export async function logFeedback(db: D1Database, feedback: Feedback, now: number): Promise<void> {
  await db.prepare("INSERT INTO feedback (query, faq_id, helpful, at) VALUES (?1, ?2, ?3, ?4)")
    .bind(maskPersonalData(feedback.query), feedback.id, feedback.helpful ? 1 : 0, now)
    .run();
}
