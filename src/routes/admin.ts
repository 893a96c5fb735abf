import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { FeedbackQuerySchema, MAX_FEEDBACK_ROWS, UnansweredQuerySchema, parseAdminParams } from "../api/admin-query";
import { ApiError, IndexUnavailableError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import { toCsv } from "../inbox/csv";
import { readFeedback, readFeedbackCounts } from "../inbox/read-inbox";
import { unansweredGroups } from "../inbox/unanswered-groups";
import { questionOfId } from "../index-store/find-row";
import { servingIndex } from "../index-store/serving-index";
import { adminAuth } from "../middleware/admin-auth";
import { allowOnly } from "../middleware/allow-only";
import { READ_METHODS } from "../middleware/cross-origin";

function database(c: Context<AppEnv>): D1Database {
  if (!c.env.FAQ_DB) throw new ApiError(503, "no_database", "This Worker has no FAQ_DB binding, so nothing was logged (README, \"The unanswered-question inbox\").");
  return c.env.FAQ_DB;
}

/** The served index, for FAQ questions and the grouping threshold; the inbox stays readable without one. */
async function indexOrNull(c: Context<AppEnv>): Promise<FaqIndex | null> {
  try {
    return await servingIndex(c);
  } catch (error) {
    if (error instanceof IndexUnavailableError) return null;
    throw error;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function csvResponse(c: Context<AppEnv>, name: string, csv: string) {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
  return c.body(csv);
}

/** GET /admin/unanswered and /admin/feedback: the owner's view, behind ADMIN_TOKEN. */
export const adminRoute = new Hono<AppEnv>()
  .use("*", adminAuth)
  .get("/unanswered", async (c) => {
    const params = parseAdminParams(UnansweredQuerySchema, c.req.query());
    const db = database(c);
    const { groups, threshold } = await unansweredGroups(db, await indexOrNull(c), params.since, c.get("config").model);
    const shown = groups.slice(0, params.limit);
    if (params.format === "csv") {
      return csvResponse(c, "unanswered", toCsv(
        ["group", "group_count", "question", "count", "first_seen", "last_seen", "nearest_id", "nearest_question", "nearest_score"],
        shown.flatMap((g) => g.queries.map((q) => [g.label, g.count, q.text, q.count, q.firstSeen, q.lastSeen, g.nearest?.id ?? null, g.nearest?.question ?? null, g.nearest?.score ?? null])),
      ));
    }
    return c.json({ groups: shown, total: groups.length, threshold });
  })
  .get("/feedback", async (c) => {
    const params = parseAdminParams(FeedbackQuerySchema, c.req.query());
    const db = database(c);
    const index = await indexOrNull(c);
    const [rows, counts] = await Promise.all([readFeedback(db, params.since, MAX_FEEDBACK_ROWS), readFeedbackCounts(db, params.since)]);
    const feedback = rows.map((row) => ({ query: row.query, id: row.id, helpful: row.helpful, at: iso(row.at) }));
    if (params.format === "csv") {
      return csvResponse(c, "feedback", toCsv(
        ["at", "query", "id", "question", "helpful"],
        feedback.map((f) => [f.at, f.query, f.id, questionOfId(index, f.id), f.helpful]),
      ));
    }
    return c.json({ feedback, faqs: counts.map((count) => ({ ...count, question: questionOfId(index, count.id) })) });
  })
  // after the token check: a caller who may not see these paths learns nothing of their methods
  .all("/unanswered", allowOnly(READ_METHODS))
  .all("/feedback", allowOnly(READ_METHODS));
