import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { MAX_FEEDBACK_BYTES, parseFeedbackBody, payloadTooLarge } from "../api/feedback-body";
import { ApiError, badRequest } from "../errors";
import { deferInboxWrite, inboxEnabled } from "../inbox/defer-write";
import { logFeedback } from "../inbox/log-feedback";
import { findRow } from "../index-store/find-row";
import { servingIndex } from "../index-store/serving-index";
import { admittedOrigin } from "../middleware/cross-origin";

/** Reads at most `limit` bytes of the body; a longer body is refused without reading the rest. */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw payloadTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * POST /feedback {"query","id","helpful"}: a visitor's answer to "Did this
 * answer your question?", stored after the answer is sent. 204 on success.
 */
export const feedbackRoute = new Hono<AppEnv>().post("/", async (c) => {
  // A browser on another site may still send a simple POST; its origin must be on the list.
  if (c.req.header("origin") !== undefined && admittedOrigin(c) === null) {
    throw new ApiError(403, "origin_not_allowed", "This origin may not send feedback.");
  }
  if (!inboxEnabled(c)) throw new ApiError(404, "feedback_off", "This deployment does not record feedback.");
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "The body must be sent as application/json.");
  const feedback = parseFeedbackBody(await readBody(c.req.raw, MAX_FEEDBACK_BYTES));
  const index = await servingIndex(c);
  if (findRow(index, feedback.id) === null) throw badRequest("unknown_id", "Field id names no FAQ in the served index.");
  const now = Date.now();
  deferInboxWrite(c, "feedback", (db) => logFeedback(db, feedback, now));
  c.header("Cache-Control", "no-store");
  return c.body(null, 204);
});
