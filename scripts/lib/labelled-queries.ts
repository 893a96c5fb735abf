import { FaqInputError, readInputText } from "../seed/faq-input-error";

/** One line of a labelled-questions file, with its line number for the errors its reader finds later. */
export interface LabelledLine {
  query: string;
  relevant: string[];
  /** How the question is asked (say "paraphrase", "message", "keywords"), where the file says. */
  style?: string;
  line: number;
}

/**
 * Reads JSON Lines of {"query","relevant":[ids],"style"?}: the evaluation
 * sets' queries.jsonl and what `npm run inbox -- --export-labels` writes.
 * Blank lines are skipped; a malformed line is a FaqInputError naming it.
 */
export async function readLabelledLines(file: string): Promise<LabelledLine[]> {
  const text = await readInputText(file);
  const lines: LabelledLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new FaqInputError(file, i + 1, "invalid JSON");
    }
    const { query, relevant, style } = (parsed ?? {}) as Partial<LabelledLine>;
    if (typeof query !== "string" || query.trim() === "") throw new FaqInputError(file, i + 1, "query must be a non-empty string");
    if (!Array.isArray(relevant) || relevant.length === 0 || !relevant.every((id) => typeof id === "string")) {
      throw new FaqInputError(file, i + 1, "relevant must be a non-empty array of FAQ ids");
    }
    lines.push({ query: query.trim(), relevant, ...(typeof style === "string" && { style }), line: i + 1 });
  });
  return lines;
}
