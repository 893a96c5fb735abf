import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { describeCollection, listCollections } from "../collections/list-collections";
import { adminAuth } from "../middleware/admin-auth";
import { allowOnly } from "../middleware/allow-only";
import { READ_METHODS } from "../middleware/cross-origin";
import { adminDraftRoutes } from "./admin-drafts";
import { adminInboxRoutes } from "./admin-inbox";
import { adminStatsRoutes } from "./admin-stats";

/**
 * /admin/*: the owner's view, behind ADMIN_TOKEN (every collection) or a
 * collection token (one). The inbox, feedback, stats, drafts, and the list of collections.
 */
export const adminRoute = new Hono<AppEnv>()
  .use("*", adminAuth)
  .route("/", adminInboxRoutes)
  .route("/", adminStatsRoutes)
  .route("/", adminDraftRoutes)
  .get("/collections", async (c) => {
    const scope = c.get("adminScope");
    const collections = scope.collection === null ? await listCollections(c.env.FAQ_KV) : await describeCollection(c.env.FAQ_KV, scope.collection);
    return c.json({ collections });
  })
  // after the token check: a caller who may not see these paths learns nothing of their methods
  .all("/collections", allowOnly(READ_METHODS));
