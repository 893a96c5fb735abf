import { COLLECTION_NAME } from "../collections/collection-name";
import { badRequest } from "../errors";
import { INVALID_COLLECTION_MESSAGE } from "./collection-param";
import * as z from "zod/mini";
import { documented, firstIssue } from "./schema";

export const DEFAULT_GROUP_LIMIT = 50;
export const MAX_GROUP_LIMIT = 500;
export const MAX_FEEDBACK_ROWS = 10_000;

const SINCE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * Whether every part of a `since` value names a real moment: V8's Date.parse
 * takes 2026-02-30 for March 2, so the calendar is checked here.
 */
export function isRealMoment(value: string): boolean {
  const parts = SINCE.exec(value);
  if (!parts) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth
    && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}

const since = documented(
  z.optional(z.string().check(z.refine(isRealMoment))),
  { description: "Only what was asked (last) at or after this time: a date (2026-11-01, UTC) or an ISO 8601 date-time with offset. Default: everything kept." },
);
const format = documented(z.optional(z.enum(["json", "csv"])), { description: "json (default) or csv." });
const collection = documented(z.optional(z.string().check(z.regex(COLLECTION_NAME))), {
  description: "The collection. Default: default, or the one a collection token opens; a collection token naming another is 403. Empty or malformed: 400.",
});

const until = documented(z.optional(z.string().check(z.refine(isRealMoment))), { description: "Only what was asked (last) before this time, in since's form; a date includes its whole day. Default: now." });

/** The query string of GET /admin/unanswered. */
export const UnansweredQuerySchema = z.object({
  since,
  until,
  done: documented(z.optional(z.enum(["hide", "include"])), { description: "hide (default): leave out the groups the owner marked done; include: list them too, with done: true." }),
  collection,
  limit: documented(z.optional(z.string().check(z.regex(/^\d{1,4}$/), z.refine((value) => Number(value) >= 1 && Number(value) <= MAX_GROUP_LIMIT))),
    { description: `How many groups, from 1 to ${MAX_GROUP_LIMIT}. Default ${DEFAULT_GROUP_LIMIT}.` }),
  format,
});

/** The query string of GET /admin/feedback. */
export const FeedbackQuerySchema = z.object({ since, format, collection });

/**
 * The query string of POST /admin/groups/{key}/done: the period the owner
 * was shown, since groups are made from the questions of a period.
 */
export const GroupDoneQuerySchema = z.object({ since, until, collection });

/** The query string of the drafts' routes: the collection alone. */
export const CollectionQuerySchema = z.object({ collection });

const PROBLEMS: Record<string, [code: string, message: string]> = {
  since: ["invalid_since", "Query parameter since must be a date (2026-11-01) or an ISO 8601 date-time with offset."],
  limit: ["invalid_limit", `Query parameter limit must be an integer from 1 to ${MAX_GROUP_LIMIT}.`],
  format: ["invalid_format", "Query parameter format must be json or csv."],
  until: ["invalid_until", "Query parameter until must be a date (2026-11-30) or an ISO 8601 date-time with offset."],
  done: ["invalid_done", "Query parameter done must be hide or include."],
  collection: ["invalid_collection", INVALID_COLLECTION_MESSAGE],
};

/** A `since` value in milliseconds since the epoch: a bare date is midnight UTC. */
export const sinceMs = (since: string) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since);

export interface AdminParams {
  /** Milliseconds since the epoch; 0 for everything. */
  since: number;
  limit: number;
  format: "json" | "csv";
  /** Milliseconds since the epoch; now when not given. */
  until: number;
  /** List the groups marked done too. */
  includeDone: boolean;
}

/**
 * Validates the query string of an /admin/* listing; the first problem becomes
 * a 400 with its code. The collection is checked with the rest, but which one
 * is read is adminCollection's to say (routes/admin-context.ts).
 */
export function parseAdminParams(schema: typeof UnansweredQuerySchema | typeof FeedbackQuerySchema | typeof GroupDoneQuerySchema, raw: Record<string, string>): AdminParams {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const field = String(firstIssue(schema, parsed.error.issues).path[0]);
    const [code, message] = PROBLEMS[field]!;
    throw badRequest(code, message);
  }
  const data = parsed.data as { since?: string; limit?: string; format?: "json" | "csv"; until?: string; done?: "hide" | "include" };
  return {
    // a bare date names the whole day: until its end
    until: data.until === undefined ? Date.now() : sinceMs(data.until) + (/^\d{4}-\d{2}-\d{2}$/.test(data.until) ? 86_400_000 : 0),
    includeDone: data.done === "include",
    since: data.since === undefined ? 0 : sinceMs(data.since),
    limit: data.limit === undefined ? DEFAULT_GROUP_LIMIT : Number(data.limit),
    format: data.format ?? "json",
  };
}
