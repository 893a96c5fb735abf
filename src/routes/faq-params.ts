import { badRequest } from "../errors";

export const MAX_QUERY_CHARS = 500;
export const MAX_K = 50;
export const DEFAULT_K = 5;

export interface FaqParams {
  query: string;
  k: number;
}

/** Validates `q` and `k`. Length counts Unicode code points, so emoji count once. */
export function parseFaqParams(q: string | undefined, k: string | undefined): FaqParams {
  const query = q?.trim() ?? "";
  if (query === "") throw badRequest("missing_query", "Query parameter q is required and must not be blank.");
  if ([...query].length > MAX_QUERY_CHARS) {
    throw badRequest("query_too_long", `Query parameter q must be at most ${MAX_QUERY_CHARS} characters.`);
  }
  if (k === undefined) return { query, k: DEFAULT_K };
  const parsed = /^\d{1,3}$/.test(k) ? Number(k) : NaN;
  if (!(parsed >= 1 && parsed <= MAX_K)) throw badRequest("invalid_k", `Query parameter k must be an integer from 1 to ${MAX_K}.`);
  return { query, k: parsed };
}
