import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env";
import { MAX_FEEDBACK_BYTES, parseFeedbackBody, payloadTooLarge } from "../api/feedback-body";
import { ApiError, badRequest } from "../errors";
import { deferInboxWrite, inboxEnabled } from "../inbox/defer-write";
import { logFeedback } from "../inbox/log-feedback";
import { checkCollectionOrigin, findCollection } from "../collections/find-collection";
import { findRow } from "../index-store/find-row";
import { isolate } from "../isolate";
import { admittedOrigin } from "../middleware/cross-origin";

/** Who may send feedback, whether this deployment takes it, and in what form: checked before the body is read. */
const acceptFeedback: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A browser on another site may still send a simple POST; its origin must be on the list.
  if (c.req.header("origin") !== undefined && admittedOrigin(c) === null) {
    throw new ApiError(403, "origin_not_allowed", "This origin may not send feedback.");
  }
  if (!inboxEnabled(c)) throw new ApiError(404, "feedback_off", "This deployment does not record feedback.");
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "The body must be sent as application/json.");
  await next();
};

/**
 * POST /feedback {"query","id","helpful"}: a visitor's answer to "Did this
 * answer your question?", stored after the answer is sent. 204 on success.
 * A body over MAX_FEEDBACK_BYTES is refused without reading the rest.
 */
export const feedbackRoute = new Hono<AppEnv>().post(
  "/",
  acceptFeedback,
  bodyLimit({ maxSize: MAX_FEEDBACK_BYTES, onError: () => { throw payloadTooLarge(); } }),
  async (c) => {
    const feedback = parseFeedbackBody(await c.req.text());
    const services = isolate();
    const lease = await findCollection({ collections: services.collections, kv: c.env.FAQ_KV, config: c.get("config"), name: feedback.collection });
    try {
      checkCollectionOrigin(lease.index, c.req.header("origin"));
      if (findRow(lease.index, feedback.id) === null) throw badRequest("unknown_id", "Field id names no FAQ in the served index.");
    } finally {
      lease.release();
    }
    const now = Date.now();
    if (feedback.opened) {
      deferInboxWrite(c, "an opening", (db, waitUntil) => services.inbox.writerFor(db).addOpen(feedback.collection, feedback.id, now, waitUntil));
    } else {
      const rating = { collection: feedback.collection, query: feedback.query, id: feedback.id, helpful: feedback.helpful };
      deferInboxWrite(c, "feedback", (db, waitUntil) => logFeedback(services.inbox.writerFor(db), rating, now, waitUntil));
    }
    c.header("Cache-Control", "no-store");
    return c.body(null, 204);
  },
);
