import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { FeedbackQuerySchema, MAX_FEEDBACK_ROWS, UnansweredQuerySchema, parseAdminParams } from "../api/admin-query";
import { scopedCollection } from "../collections/admin-scope";
import { findCollection } from "../collections/find-collection";
import { listCollections } from "../collections/list-collections";
import { ApiError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import { toCsv } from "../inbox/csv";
import { readFeedback, readFeedbackCounts } from "../inbox/read-inbox";
import { unansweredGroups } from "../inbox/unanswered-groups";
import { questionOfId } from "../index-store/find-row";
import { isolate } from "../isolate";
import { adminAuth } from "../middleware/admin-auth";
import { allowOnly } from "../middleware/allow-only";
import { READ_METHODS } from "../middleware/cross-origin";

function database(c: Context<AppEnv>): D1Database {
  if (!c.env.FAQ_DB) throw new ApiError(503, "no_database", "This Worker has no FAQ_DB binding, so nothing was logged (docs/inbox.md).");
  return c.env.FAQ_DB;
}

/** The collection's served index, for FAQ questions and the grouping threshold; the inbox stays readable without one. */
async function indexOrNull(c: Context<AppEnv>, name: string): Promise<FaqIndex | null> {
  try {
    const lease = await findCollection({ collections: isolate().collections, kv: c.env.FAQ_KV, config: c.get("config"), name });
    lease.release();
    return lease.index;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400) return null;
    throw error;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function csvResponse(c: Context<AppEnv>, name: string, csv: string) {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
  return c.body(csv);
}

/** GET /admin/unanswered, /admin/feedback and /admin/collections: the owner's view, behind ADMIN_TOKEN or a collection token. */
export const adminRoute = new Hono<AppEnv>()
  .use("*", adminAuth)
  .get("/unanswered", async (c) => {
    const params = parseAdminParams(UnansweredQuerySchema, c.req.query());
    const collection = scopedCollection(c.get("adminScope"), params.collection);
    const db = database(c);
    const { groups, threshold } = await unansweredGroups(db, collection, await indexOrNull(c, collection), params.since, c.get("config").model);
    const shown = groups.slice(0, params.limit);
    if (params.format === "csv") {
      return csvResponse(c, "unanswered", toCsv(
        ["group", "group_count", "question", "count", "first_seen", "last_seen", "nearest_id", "nearest_question", "nearest_score"],
        shown.flatMap((g) => g.queries.map((q) => [g.label, g.count, q.text, q.count, q.firstSeen, q.lastSeen, g.nearest?.id ?? null, g.nearest?.question ?? null, g.nearest?.score ?? null])),
      ));
    }
    return c.json({ collection, groups: shown, total: groups.length, threshold });
  })
  .get("/feedback", async (c) => {
    const params = parseAdminParams(FeedbackQuerySchema, c.req.query());
    const collection = scopedCollection(c.get("adminScope"), params.collection);
    const db = database(c);
    const index = await indexOrNull(c, collection);
    const [rows, counts] = await Promise.all([readFeedback(db, collection, params.since, MAX_FEEDBACK_ROWS), readFeedbackCounts(db, collection, params.since)]);
    const feedback = rows.map((row) => ({ query: row.query, id: row.id, helpful: row.helpful, at: iso(row.at) }));
    if (params.format === "csv") {
      return csvResponse(c, "feedback", toCsv(
        ["at", "query", "id", "question", "helpful"],
        feedback.map((f) => [f.at, f.query, f.id, questionOfId(index, f.id), f.helpful]),
      ));
    }
    return c.json({ collection, feedback, faqs: counts.map((count) => ({ ...count, question: questionOfId(index, count.id) })) });
  })
  .get("/collections", async (c) => {
    const scope = c.get("adminScope");
    const all = await listCollections(c.env.FAQ_KV);
    return c.json({ collections: scope.collection === null ? all : all.filter((collection) => collection.name === scope.collection) });
  })
  // after the token check: a caller who may not see these paths learns nothing of their methods
  .all("/unanswered", allowOnly(READ_METHODS))
  .all("/feedback", allowOnly(READ_METHODS))
  .all("/collections", allowOnly(READ_METHODS));
