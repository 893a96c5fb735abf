import { COLLECTION_NAME } from "../collections/collection-name";
import { badRequest } from "../errors";
import * as z from "zod/mini";
import { isRealMoment } from "./admin-query";
import { INVALID_COLLECTION_MESSAGE } from "./collection-param";
import { documented, firstIssue } from "./schema";

/** The longest period the dashboard asks for is 90 days; a year is plenty for any other caller. */
export const MAX_STATS_DAYS = 366;
/** Without since: the 30 days up to until. */
export const DEFAULT_STATS_DAYS = 30;

const day = (description: string) => documented(z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealMoment))), { description, example: "2026-11-01" });

/** The query string of GET /admin/stats. */
export const StatsQuerySchema = z.object({
  since: day(`The first day (UTC), included. Default: ${DEFAULT_STATS_DAYS} days up to until.`),
  until: day("The last day (UTC), included. Default: today."),
  collection: documented(z.optional(z.string().check(z.regex(COLLECTION_NAME))), { description: "The collection. Default: default, or the one a collection token opens." }),
});

const PROBLEMS: Record<string, [code: string, message: string]> = {
  since: ["invalid_since", "Query parameter since must be a day such as 2026-11-01."],
  until: ["invalid_until", "Query parameter until must be a day such as 2026-11-30."],
  collection: ["invalid_collection", INVALID_COLLECTION_MESSAGE],
};

export interface StatsParams {
  first: string;
  last: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Validates GET /admin/stats's query string: each problem a 400 with its code;
 * a period backwards or over a year is invalid_period. The collection is
 * checked with the rest; which one is read is adminCollection's to say.
 */
export function parseStatsParams(raw: Record<string, string>, now: number): StatsParams {
  const parsed = StatsQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const [code, message] = PROBLEMS[String(firstIssue(StatsQuerySchema, parsed.error.issues).path[0])]!;
    throw badRequest(code, message);
  }
  const last = parsed.data.until ?? dayOf(now);
  const first = parsed.data.since ?? dayOf(Date.parse(`${last}T00:00:00Z`) - (DEFAULT_STATS_DAYS - 1) * DAY_MS);
  const days = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1 || days > MAX_STATS_DAYS) throw badRequest("invalid_period", `The period must run forward, from since to until, over at most ${MAX_STATS_DAYS} days.`);
  return { first, last };
}
