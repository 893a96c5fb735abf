import { access, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FaqIndex } from "../../src/index-blob/format";
import { findRow } from "../../src/index-store/find-row";
import { questionKey } from "../../src/inbox/question-key";
import type { FeedbackRow } from "../../src/inbox/read-inbox";

export interface LabelExport {
  queries: number;
  /** Helpful answers about FAQs the served index no longer has. */
  droppedUnknownIds: number;
  /** Where the served FAQs were written for `npm run eval`, or null when the file was already there (or no index was found). */
  faqsFile: string | null;
}

/**
 * Turns what visitors marked helpful into labelled queries in the format
 * `npm run eval` and `npm run calibrate` read: one {"query","relevant"} line
 * per question (the same question in other words or case counts once; every
 * FAQ found helpful for it is relevant). Beside it, faqs.jsonl with the
 * served FAQs, unless a file of that name is there already.
 */
export async function exportLabels(file: string, feedback: FeedbackRow[], index: FaqIndex | null): Promise<LabelExport> {
  const byQuestion = new Map<string, { query: string; relevant: string[] }>();
  let droppedUnknownIds = 0;
  // oldest first, so the first wording of a question is the one kept
  for (const row of [...feedback].reverse()) {
    if (!row.helpful) continue;
    if (index && findRow(index, row.id) === null) {
      droppedUnknownIds += 1;
      continue;
    }
    const key = questionKey(row.query);
    const entry = byQuestion.get(key) ?? { query: row.query, relevant: [] };
    if (!entry.relevant.includes(row.id)) entry.relevant.push(row.id);
    byQuestion.set(key, entry);
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, [...byQuestion.values()].map((entry) => JSON.stringify(entry) + "\n").join(""));

  let faqsFile: string | null = null;
  if (index) {
    const candidate = join(dirname(file), "faqs.jsonl");
    const exists = await access(candidate).then(() => true, () => false);
    if (!exists) {
      const lines = Array.from({ length: index.count }, (_, row) => JSON.stringify(index.record(row)) + "\n");
      await writeFile(candidate, lines.join(""));
      faqsFile = candidate;
    }
  }
  return { queries: byQuestion.size, droppedUnknownIds, faqsFile };
}
