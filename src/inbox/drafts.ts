/** An answer the owner wrote for what visitors asked, waiting for the next seed. */
export interface Draft {
  id: number;
  collection: string;
  question: string;
  answer: string;
  /** The inbox group it answers, when written from one. */
  groupKey: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DraftRow {
  id: number;
  collection: string;
  question: string;
  answer: string;
  group_key: string | null;
  created_at: number;
  updated_at: number;
}

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  collection: row.collection,
  question: row.question,
  answer: row.answer,
  groupKey: row.group_key,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

const COLUMNS = "id, collection, question, answer, group_key, created_at, updated_at";

/** A collection's drafts, oldest first (the order they become FAQs in). */
export async function listDrafts(db: D1Database, collection: string): Promise<Draft[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM drafts WHERE collection = ?1 ORDER BY id`).bind(collection).all<DraftRow>();
  return results.map(toDraft);
}

export async function createDraft(db: D1Database, collection: string, draft: { question: string; answer: string; groupKey: string | null }, now: number): Promise<Draft> {
  const row = await db.prepare(`INSERT INTO drafts (collection, question, answer, group_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING ${COLUMNS}`)
    .bind(collection, draft.question, draft.answer, draft.groupKey, now).first<DraftRow>();
  return toDraft(row!);
}

/** Replaces a draft's question and answer; null when the collection has no draft of that id. */
export async function updateDraft(db: D1Database, collection: string, id: number, draft: { question: string; answer: string }, now: number): Promise<Draft | null> {
  const row = await db.prepare(`UPDATE drafts SET question = ?3, answer = ?4, updated_at = ?5 WHERE collection = ?1 AND id = ?2 RETURNING ${COLUMNS}`)
    .bind(collection, id, draft.question, draft.answer, now).first<DraftRow>();
  return row ? toDraft(row) : null;
}

/** Deletes a draft; false when the collection has no draft of that id. */
export async function deleteDraft(db: D1Database, collection: string, id: number): Promise<boolean> {
  const result = await db.prepare("DELETE FROM drafts WHERE collection = ?1 AND id = ?2").bind(collection, id).run();
  return (result.meta.changes ?? 0) > 0;
}
