import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { parseStatsParams } from "../api/stats-query";
import { readDays, readFaqFeedback } from "../inbox/read-stats";
import { questionOfId } from "../index-store/find-row";
import { allowOnly } from "../middleware/allow-only";
import { READ_METHODS } from "../middleware/cross-origin";
import { adminCollection, database, withIndexOrNull } from "./admin-context";

/** GET /admin/stats?since=&until=&collection= : a collection's questions and feedback per day, and its FAQs by "No". */
export const adminStatsRoutes = new Hono<AppEnv>()
  .get("/stats", async (c) => {
    const params = parseStatsParams(c.req.query(), Date.now());
    const collection = adminCollection(c);
    const db = database(c);
    const [days, faqs] = await Promise.all([
      readDays(db, collection, params.first, params.last),
      readFaqFeedback(db, collection, params.first, params.last),
    ]);
    const sum = (pick: (day: (typeof days)[number]) => number) => days.reduce((total, day) => total + pick(day), 0);
    const asked = sum((d) => d.asked);
    const answered = sum((d) => d.answered);
    const totals = {
      asked, answered, unanswered: sum((d) => d.unanswered), degraded: sum((d) => d.degraded),
      answeredShare: asked > 0 ? Math.round((answered / asked) * 1000) / 1000 : null,
      feedbackYes: sum((d) => d.feedbackYes), feedbackNo: sum((d) => d.feedbackNo),
    };
    const named = await withIndexOrNull(c, collection, async (index) => faqs.map((faq) => ({ ...faq, question: questionOfId(index, faq.id) })));
    return c.json({ collection, since: params.first, until: params.last, days, totals, faqs: named });
  })
  .all("/stats", allowOnly(READ_METHODS));
