import { COLLECTION_NAME, DEFAULT_COLLECTION } from "../collections/collection-name";
import { badRequest } from "../errors";
import { SEARCH_MODES, type SearchMode } from "../search/rank";
import { INVALID_COLLECTION_MESSAGE } from "./collection-param";
import { isBlankQuery, normalizeQuery } from "./normalize-query";
import * as z from "zod/mini";
import { documented, firstIssue } from "./schema";

export const MAX_QUERY_CHARS = 500;
export const MAX_K = 50;
export const DEFAULT_K = 5;
export const MAX_CATEGORY_CHARS = 100;

const codePoints = (text: string) => [...text].length;

/**
 * The query string of GET /faq, as validated and as documented in
 * /openapi.json: the one schema serves both, so they cannot drift apart.
 * `q` is checked after normalizeQuery (NFKC, invisible characters removed,
 * white space collapsed), the other values after trimming; lengths count
 * Unicode code points.
 */
export const FaqQuerySchema = z.object({
  q: documented(z.string().check(z.minLength(1), z.refine((q) => codePoints(q) <= MAX_QUERY_CHARS, { params: { tooLong: true } })),
    { description: `The question, 1 to ${MAX_QUERY_CHARS} characters.`, example: "How can Medicare help me?" }),
  k: documented(z.optional(z.string().check(z.regex(/^0*([1-9]|[1-4]\d|50)$/))),
    { description: `How many results, an integer from 1 to ${MAX_K}. Default ${DEFAULT_K}.`, example: "5" }),
  mode: documented(z.optional(z.enum(SEARCH_MODES)),
    { description: "hybrid (default): meaning and words fused; semantic: meaning only; lexical: words only, no embedding call." }),
  category: documented(z.optional(z.string().check(z.refine((c) => codePoints(c) <= MAX_CATEGORY_CHARS))),
    { description: `Keep only FAQs of this category (exact, case-insensitive), at most ${MAX_CATEGORY_CHARS} characters.` }),
  min_score: documented(z.optional(z.string().check(z.regex(/^-?(\d+(\.\d*)?|\.\d+)$/), z.refine((s) => Math.abs(Number(s)) <= 1))),
    { description: "The confidence needed for answered to be true, from -1 to 1: a probability from 0 to 1 for collections calibrated on their own FAQs (the default), the best match's lead otherwise. Default: the collection's threshold. It changes what this answer says, not what reaches the inbox." }),
  collection: documented(z.optional(z.string().check(z.regex(COLLECTION_NAME))),
    { description: "The FAQ collection to search: 1 to 63 lower-case letters, digits or hyphens. Default: default.", example: "help-de" }),
});

/** The stable error code for a bad value of each parameter, and the message people see. */
const PROBLEMS: Record<string, [code: string, message: string]> = {
  q: ["missing_query", "Query parameter q is required and must not be blank."],
  q_long: ["query_too_long", `Query parameter q must be at most ${MAX_QUERY_CHARS} characters.`],
  k: ["invalid_k", `Query parameter k must be an integer from 1 to ${MAX_K}.`],
  mode: ["invalid_mode", `Query parameter mode must be one of ${SEARCH_MODES.join(", ")}.`],
  category: ["invalid_category", `Query parameter category must be at most ${MAX_CATEGORY_CHARS} characters.`],
  min_score: ["invalid_min_score", "Query parameter min_score must be a number from -1 to 1."],
  collection: ["invalid_collection", INVALID_COLLECTION_MESSAGE],
};

export interface FaqParams {
  query: string;
  k: number;
  mode: SearchMode;
  /** Lower-cased, or null for every category. */
  category: string | null;
  /** Overrides the index's calibrated answer threshold. */
  minScore: number | null;
  /** The collection asked. */
  collection: string;
}

export type RawFaqParams = Partial<Record<"q" | "k" | "mode" | "category" | "min_score" | "collection", string>>;

/** Validates the query string of GET /faq with FaqQuerySchema; the first problem becomes a 400 with its code. */
export function parseFaqParams(raw: RawFaqParams): FaqParams {
  const category = raw.category?.trim();
  const query = normalizeQuery(raw.q ?? "");
  const parsed = FaqQuerySchema.safeParse({ ...raw, q: isBlankQuery(query) ? "" : query, category: category === "" ? undefined : category, collection: raw.collection === "" ? undefined : raw.collection });
  if (!parsed.success) {
    // q first, then the others in schema order
    const issue = firstIssue(FaqQuerySchema, parsed.error.issues);
    const field = String(issue.path[0]);
    const tooLong = field === "q" && issue.code === "custom" && (issue as { params?: { tooLong?: boolean } }).params?.tooLong;
    const [code, message] = PROBLEMS[tooLong ? "q_long" : field] ?? PROBLEMS.q!;
    throw badRequest(code, message);
  }
  const { q, k, mode, category: keptCategory, min_score, collection } = parsed.data;
  return {
    query: q,
    k: k === undefined ? DEFAULT_K : Number(k),
    mode: mode ?? "hybrid",
    category: keptCategory ? keptCategory.toLowerCase() : null,
    minScore: min_score === undefined ? null : Number(min_score),
    collection: collection ?? DEFAULT_COLLECTION,
  };
}
