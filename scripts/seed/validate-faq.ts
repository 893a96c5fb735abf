import type { FaqRecord } from "../../src/faq-record";

export const FAQ_FIELDS = ["id", "question", "answer", "url", "category"] as const;
export const MAX_QUESTION_CHARS = 2000;
export const MAX_TEXT_CHARS = 20000;

/**
 * Checks one raw FAQ and returns it as a record, or a sentence saying what is
 * wrong. Only `question` is required; the id defaults to `defaultId`, blank
 * optional fields become null.
 */
export function validateFaq(raw: unknown, defaultId: string): FaqRecord | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "each FAQ must be an object";
  const fields = raw as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !(FAQ_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) return `unknown field "${unknown[0]}" (allowed: ${FAQ_FIELDS.join(", ")})`;

  let id = defaultId;
  if (fields.id !== undefined && fields.id !== null && fields.id !== "") {
    if (typeof fields.id === "number" && Number.isInteger(fields.id)) id = String(fields.id);
    else if (typeof fields.id === "string" && fields.id.trim() !== "") id = fields.id.trim();
    else return "id must be a non-empty string or an integer";
  }
  if (typeof fields.question !== "string" || fields.question.trim() === "") return "question is required and must be a non-empty string";
  const question = fields.question.trim();
  if (question.length > MAX_QUESTION_CHARS) return `question is longer than ${MAX_QUESTION_CHARS} characters`;

  const optional: Partial<Record<"answer" | "url" | "category", string | null>> = {};
  for (const name of ["answer", "url", "category"] as const) {
    const value = fields[name];
    if (value === undefined || value === null || value === "") { optional[name] = null; continue; }
    if (typeof value !== "string") return `${name} must be a string`;
    if (value.length > MAX_TEXT_CHARS) return `${name} is longer than ${MAX_TEXT_CHARS} characters`;
    optional[name] = value.trim() || null;
  }
  if (optional.url && !/^https?:\/\/\S+$/.test(optional.url)) return "url must be an http(s) URL";
  return { id, question, answer: optional.answer ?? null, url: optional.url ?? null, category: optional.category ?? null };
}
