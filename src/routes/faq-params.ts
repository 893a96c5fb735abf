import { badRequest } from "../errors";
import { SEARCH_MODES, type SearchMode } from "../search/rank";

export const MAX_QUERY_CHARS = 500;
export const MAX_K = 50;
export const DEFAULT_K = 5;
export const MAX_CATEGORY_CHARS = 100;

export interface FaqParams {
  query: string;
  k: number;
  mode: SearchMode;
  /** Lower-cased, or null for every category. */
  category: string | null;
  /** Overrides the index's calibrated answer threshold. */
  minScore: number | null;
}

export type RawFaqParams = Partial<Record<"q" | "k" | "mode" | "category" | "min_score", string>>;

const codePoints = (text: string) => [...text].length;

/** Validates the query string of GET /faq. Lengths count Unicode code points, so emoji count once. */
export function parseFaqParams(raw: RawFaqParams): FaqParams {
  const query = raw.q?.trim() ?? "";
  if (query === "") throw badRequest("missing_query", "Query parameter q is required and must not be blank.");
  if (codePoints(query) > MAX_QUERY_CHARS) {
    throw badRequest("query_too_long", `Query parameter q must be at most ${MAX_QUERY_CHARS} characters.`);
  }

  let k = DEFAULT_K;
  if (raw.k !== undefined) {
    k = /^\d{1,3}$/.test(raw.k) ? Number(raw.k) : NaN;
    if (!(k >= 1 && k <= MAX_K)) throw badRequest("invalid_k", `Query parameter k must be an integer from 1 to ${MAX_K}.`);
  }

  const mode = (raw.mode ?? "hybrid") as SearchMode;
  if (!SEARCH_MODES.includes(mode)) throw badRequest("invalid_mode", `Query parameter mode must be one of ${SEARCH_MODES.join(", ")}.`);

  const category = raw.category?.trim() ?? "";
  if (codePoints(category) > MAX_CATEGORY_CHARS) {
    throw badRequest("invalid_category", `Query parameter category must be at most ${MAX_CATEGORY_CHARS} characters.`);
  }

  let minScore: number | null = null;
  if (raw.min_score !== undefined) {
    minScore = /^-?(\d+(\.\d*)?|\.\d+)$/.test(raw.min_score) ? Number(raw.min_score) : NaN;
    if (!(minScore >= -1 && minScore <= 1)) throw badRequest("invalid_min_score", "Query parameter min_score must be a number from -1 to 1.");
  }

  return { query, k, mode, category: category === "" ? null : category.toLowerCase(), minScore };
}
