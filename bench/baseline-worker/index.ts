/**
 * The baseline for `npm run bench:e2e`: a bare Hono Worker that answers GET
 * /faq with a fixed JSON body (the real Worker's cache-hit answer, given as
 * the BODY variable). What separates faq-edge's cache hits from this is the
 * cost of the work it does itself.
 */
import { Hono } from "hono";

const app = new Hono<{ Bindings: { BODY: string } }>();
app.get("/faq", (c) => c.body(c.env.BODY, 200, { "content-type": "application/json" }));

export default app;
