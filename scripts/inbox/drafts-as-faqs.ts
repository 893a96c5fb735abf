import { writeFile } from "node:fs/promises";
import type { FaqRecord } from "../../src/faq-record";
import type { Draft } from "../../src/inbox/drafts";

/** A draft as a FAQ of the seed's format: its id is draft-N, so it keeps its place when it is edited and seeded again. */
export const draftAsFaq = (draft: Draft): FaqRecord => ({ id: `draft-${draft.id}`, question: draft.question, answer: draft.answer, url: null, category: null });

/** Writes drafts as JSON Lines the seed reads with --input (append them to your FAQ file, or seed with --with-drafts). */
export async function exportDrafts(file: string, drafts: Draft[]): Promise<number> {
  await writeFile(file, drafts.map((draft) => JSON.stringify(draftAsFaq(draft)) + "\n").join(""));
  return drafts.length;
}
