import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { FeedbackQuerySchema, GroupDoneQuerySchema, MAX_FEEDBACK_ROWS, UnansweredQuerySchema, parseAdminParams } from "../api/admin-query";
import { ApiError } from "../errors";
import { toCsv } from "../inbox/csv";
import { markDone } from "../inbox/question-days";
import { readFeedback, readFeedbackCounts } from "../inbox/read-inbox";
import { unansweredGroups } from "../inbox/unanswered-groups";
import { questionOfId } from "../index-store/find-row";
import { allowOnly } from "../middleware/allow-only";
import { READ_METHODS } from "../middleware/cross-origin";
import { adminCollection, database, withIndexOrNull } from "./admin-context";

const iso = (ms: number) => new Date(ms).toISOString();

function csvResponse(c: Context<AppEnv>, name: string, csv: string) {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
  return c.body(csv);
}

/**
 * GET /admin/unanswered, GET /admin/feedback, POST /admin/groups/{key}/done:
 * a collection's inbox as the owner reads it and marks it.
 */
export const adminInboxRoutes = new Hono<AppEnv>()
  .get("/unanswered", async (c) => {
    const params = parseAdminParams(UnansweredQuerySchema, c.req.query());
    const collection = adminCollection(c);
    const db = database(c);
    const { groups, threshold } = await withIndexOrNull(c, collection, (index) => unansweredGroups(db, collection, index, params.since, c.get("config").model, params.until));
    // a group marked done stays out of sight until one of its questions is asked again, or a new one joins it
    const listed = params.includeDone ? groups : groups.filter((group) => !group.done);
    const shown = listed.slice(0, params.limit);
    if (params.format === "csv") {
      return csvResponse(c, "unanswered", toCsv(
        ["group", "group_count", "question", "count", "first_seen", "last_seen", "nearest_id", "nearest_question", "nearest_score"],
        shown.flatMap((g) => g.queries.map((q) => [g.label, g.count, q.text, q.count, q.firstSeen, q.lastSeen, g.nearest?.id ?? null, g.nearest?.question ?? null, g.nearest?.score ?? null])),
      ));
    }
    return c.json({ collection, groups: shown, total: listed.length, threshold });
  })
  .get("/feedback", async (c) => {
    const params = parseAdminParams(FeedbackQuerySchema, c.req.query());
    const collection = adminCollection(c);
    const db = database(c);
    const [rows, counts] = await Promise.all([readFeedback(db, collection, params.since, MAX_FEEDBACK_ROWS), readFeedbackCounts(db, collection, params.since)]);
    const feedback = rows.map((row) => ({ query: row.query, id: row.id, helpful: row.helpful, at: iso(row.at) }));
    return withIndexOrNull(c, collection, async (index) => {
      if (params.format === "csv") {
        return csvResponse(c, "feedback", toCsv(
          ["at", "query", "id", "question", "helpful"],
          feedback.map((f) => [f.at, f.query, f.id, questionOfId(index, f.id), f.helpful]),
        ));
      }
      return c.json({ collection, feedback, faqs: counts.map((count) => ({ ...count, question: questionOfId(index, count.id) })) });
    });
  })
  .post("/groups/:key/done", async (c) => {
    const params = parseAdminParams(GroupDoneQuerySchema, c.req.query());
    const collection = adminCollection(c);
    const key = c.req.param("key");
    const db = database(c);
    // the groups of the period the owner was shown: another set of questions makes other groups, with other leaders
    const { groups } = await withIndexOrNull(c, collection, (index) => unansweredGroups(db, collection, index, params.since, c.get("config").model, params.until));
    // the group that holds the question: groups are made anew at each look, so the key names a question, not a group
    const group = groups.find((g) => g.key === key) ?? null;
    if (group === null) throw new ApiError(404, "unknown_group", "No group of the inbox has that key (it may have changed since the page was loaded: reload it).");
    const keys = group.queries.map((q) => q.key);
    await markDone(db, collection, keys);
    c.header("Cache-Control", "no-store");
    return c.json({ collection, key, questions: keys.length });
  })
  .all("/unanswered", allowOnly(READ_METHODS))
  .all("/feedback", allowOnly(READ_METHODS))
  .all("/groups/:key/done", allowOnly(["POST", "OPTIONS"]));
