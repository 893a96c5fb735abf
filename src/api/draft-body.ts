import { ApiError, badRequest } from "../errors";
import * as z from "zod/mini";
import { documented, firstIssue } from "./schema";

export const MAX_DRAFT_QUESTION_CHARS = 500;
export const MAX_DRAFT_ANSWER_CHARS = 10_000;
/** A draft is a question and an answer; anything larger is refused unread. */
export const MAX_DRAFT_BYTES = 64 * 1024;

const codePoints = (text: string) => [...text].length;
const text = (max: number, description: string) =>
  documented(z.string().check(z.refine((value) => value.trim().length > 0 && codePoints(value) <= max)), { description });

/** The body of POST /admin/drafts and PUT /admin/drafts/{id}. */
export const DraftBodySchema = documented(z.strictObject({
  question: text(MAX_DRAFT_QUESTION_CHARS, `The FAQ's question, 1 to ${MAX_DRAFT_QUESTION_CHARS} characters.`),
  answer: text(MAX_DRAFT_ANSWER_CHARS, `Its answer, 1 to ${MAX_DRAFT_ANSWER_CHARS} characters.`),
  groupKey: documented(z.optional(z.nullable(z.string().check(z.maxLength(500)))), { description: "The inbox group it answers (POST only)." }),
}), { id: "DraftBody" });

const PROBLEMS: Record<string, [code: string, message: string]> = {
  question: ["invalid_question", `Field question must be a non-blank string of at most ${MAX_DRAFT_QUESTION_CHARS} characters.`],
  answer: ["invalid_answer", `Field answer must be a non-blank string of at most ${MAX_DRAFT_ANSWER_CHARS} characters.`],
  groupKey: ["invalid_group_key", "Field groupKey must be a string of at most 500 characters, or null."],
};

export interface DraftBody {
  question: string;
  answer: string;
  groupKey: string | null;
}

/** Parses a draft body (text already read): invalid_json, unknown_field, invalid_question, invalid_answer, invalid_group_key. */
export function parseDraftBody(raw: string): DraftBody {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw badRequest("invalid_json", "The body must be a JSON object.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("invalid_json", "The body must be a JSON object.");
  const parsed = DraftBodySchema.safeParse(body);
  if (parsed.success) return { question: parsed.data.question.trim(), answer: parsed.data.answer.trim(), groupKey: parsed.data.groupKey ?? null };
  const issue = firstIssue(DraftBodySchema, parsed.error.issues);
  if (issue.code === "unrecognized_keys") throw badRequest("unknown_field", `Unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; a draft has question, answer and groupKey.`);
  const [code, message] = PROBLEMS[String(issue.path[0])] ?? PROBLEMS.question!;
  throw badRequest(code, message);
}

export const draftTooLarge = () => new ApiError(413, "payload_too_large", `The body must be at most ${MAX_DRAFT_BYTES} bytes.`);
