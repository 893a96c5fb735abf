import { readFile } from "node:fs/promises";
import { FaqInputError } from "../../seed/faq-input-error";
import type { LabelledQuestion } from "./calibrate-collection";

/**
 * Labelled visitor questions for --calibrate-with: JSON Lines of
 * {"query","relevant":[ids]}, as `npm run inbox -- --export-labels` writes them.
 * Ids the collection does not have are left out by the calibration, and counted there.
 */
export async function readLabelled(file: string): Promise<LabelledQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new FaqInputError(file, null, "cannot read the file");
  }
  const questions: LabelledQuestion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new FaqInputError(file, i + 1, "invalid JSON");
    }
    const { query, relevant } = (parsed ?? {}) as Partial<LabelledQuestion>;
    if (typeof query !== "string" || query.trim() === "") throw new FaqInputError(file, i + 1, "query must be a non-empty string");
    if (!Array.isArray(relevant) || relevant.length === 0 || !relevant.every((id) => typeof id === "string")) {
      throw new FaqInputError(file, i + 1, "relevant must be a non-empty array of FAQ ids");
    }
    questions.push({ query: query.trim(), relevant });
  });
  return questions;
}
