import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { MAX_DRAFT_BYTES, draftTooLarge, parseDraftBody } from "../api/draft-body";
import { ApiError, badRequest } from "../errors";
import { createDraft, deleteDraft, listDrafts, updateDraft } from "../inbox/drafts";
import { allowOnly } from "../middleware/allow-only";
import { adminCollection, database, requireJson } from "./admin-context";

const limit = bodyLimit({ maxSize: MAX_DRAFT_BYTES, onError: () => { throw draftTooLarge(); } });

function idOf(c: Context<AppEnv>): number {
  const raw = c.req.param("id") ?? "";
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw badRequest("invalid_draft_id", "A draft's id is a positive integer.");
  return Number(raw);
}
const unknownDraft = () => new ApiError(404, "unknown_draft", "The collection has no draft of that id.");

/**
 * /admin/drafts: answers the owner writes for what visitors asked, kept in D1
 * until `npm run inbox -- --export-drafts` or `npm run seed -- --with-drafts`
 * builds them into the next index. GET lists, POST adds, PUT replaces,
 * DELETE removes; ?collection= as for the other owner's routes.
 */
export const adminDraftRoutes = new Hono<AppEnv>()
  .get("/drafts", async (c) => {
    const collection = adminCollection(c);
    return c.json({ collection, drafts: await listDrafts(database(c), collection) });
  })
  .post("/drafts", async (c, next) => (requireJson(c), next()), limit, async (c) => {
    const collection = adminCollection(c);
    const draft = await createDraft(database(c), collection, parseDraftBody(await c.req.text()), Date.now());
    return c.json(draft, 201);
  })
  .put("/drafts/:id", async (c, next) => (requireJson(c), next()), limit, async (c) => {
    const collection = adminCollection(c);
    const id = idOf(c);
    const { question, answer } = parseDraftBody(await c.req.text());
    const draft = await updateDraft(database(c), collection, id, { question, answer }, Date.now());
    if (!draft) throw unknownDraft();
    return c.json(draft);
  })
  .delete("/drafts/:id", async (c) => {
    const collection = adminCollection(c);
    if (!(await deleteDraft(database(c), collection, idOf(c)))) throw unknownDraft();
    return c.body(null, 204);
  })
  .all("/drafts", allowOnly(["GET", "HEAD", "POST", "OPTIONS"]))
  .all("/drafts/:id", allowOnly(["PUT", "DELETE", "OPTIONS"]));
