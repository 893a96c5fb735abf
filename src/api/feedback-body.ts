import { COLLECTION_NAME, DEFAULT_COLLECTION } from "../collections/collection-name";
import { ApiError, badRequest } from "../errors";
import { MAX_QUERY_CHARS } from "./faq-query";
import { isBlankQuery, normalizeQuery } from "./normalize-query";
import * as z from "zod/mini";
import { documented, firstIssue } from "./schema";

/** FAQ ids are at most this long (the seed script refuses longer ones). */
export const MAX_ID_CHARS = 200;
/** A feedback body is three short fields; anything larger is refused unread. */
export const MAX_FEEDBACK_BYTES = 4096;

const codePoints = (text: string) => [...text].length;

/**
 * The body of POST /feedback, as validated and as documented in
 * /openapi.json. `query` is normalised like /faq's q before it is checked.
 */
export const FeedbackBodySchema = documented(z.strictObject({
  query: documented(z.string().check(z.minLength(1), z.refine((q) => codePoints(q) <= MAX_QUERY_CHARS, { params: { tooLong: true } })),
    { description: `The question the visitor asked, 1 to ${MAX_QUERY_CHARS} characters.`, example: "How can Medicare help me?" }),
  id: documented(z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS)), { description: "The id of the FAQ the visitor opened; it must be in the served index.", example: "8" }),
  helpful: documented(z.optional(z.boolean()), { description: "The visitor's answer to \"Did this answer your question?\". Required unless opened is true." }),
  opened: documented(z.optional(z.literal(true)), { description: "Instead of helpful: the visitor opened this FAQ's answer (counted per FAQ and day for the owner's dashboard; the question is not stored)." }),
  collection: documented(z.optional(z.string().check(z.regex(COLLECTION_NAME))), { description: "The collection the question was asked of. Default: default.", example: "help-de" }),
}), { id: "Feedback" });

/** A visitor's answer to "Did this answer your question?", or the opening of an answer. */
export type FeedbackBody = { query: string; id: string; collection: string } & ({ helpful: boolean; opened?: undefined } | { opened: true; helpful?: undefined });

const PROBLEMS: Record<string, [code: string, message: string]> = {
  query: ["missing_query", "Field query is required and must be a non-blank string."],
  query_long: ["query_too_long", `Field query must be at most ${MAX_QUERY_CHARS} characters.`],
  id: ["invalid_id", `Field id must be a string of 1 to ${MAX_ID_CHARS} characters.`],
  helpful: ["invalid_helpful", "Field helpful must be true or false; or, without it, opened must be true."],
  opened: ["invalid_helpful", "Field helpful must be true or false; or, without it, opened must be true."],
  collection: ["invalid_collection", "Field collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit."],
};

/** Parses and validates a feedback body (text already read); each problem is a 400 with a stable code. */
export function parseFeedbackBody(text: string): FeedbackBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest("invalid_json", "The body must be a JSON object.");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw badRequest("invalid_json", "The body must be a JSON object.");
  const body = raw as Record<string, unknown>;
  const query = typeof body.query === "string" ? normalizeQuery(body.query) : body.query;
  const parsed = FeedbackBodySchema.safeParse({ ...body, query: typeof query === "string" && isBlankQuery(query) ? "" : query });
  if (parsed.success) {
    const { query: asked, id, helpful, opened, collection } = parsed.data;
    const base = { query: asked, id, collection: collection ?? DEFAULT_COLLECTION };
    if (opened === true && helpful === undefined) return { ...base, opened };
    if (opened === undefined && helpful !== undefined) return { ...base, helpful };
    throw badRequest("invalid_helpful", "Field helpful must be true or false; or, without it, opened must be true.");
  }
  const issue = firstIssue(FeedbackBodySchema, parsed.error.issues);
  if (issue.code === "unrecognized_keys") {
    throw badRequest("unknown_field", `Unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; the body has query, id, helpful (or opened) and collection.`);
  }
  const field = String(issue.path[0]);
  const tooLong = field === "query" && issue.code === "custom";
  const [code, message] = PROBLEMS[tooLong ? "query_long" : field] ?? PROBLEMS.query!;
  throw badRequest(code, message);
}

/** 413 for a body over MAX_FEEDBACK_BYTES. */
export const payloadTooLarge = () =>
  new ApiError(413, "payload_too_large", `The body must be at most ${MAX_FEEDBACK_BYTES} bytes.`);
