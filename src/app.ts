import { Hono, type Context } from "hono";
import { timing } from "hono/timing";
import type { AppEnv } from "./app-env";
import { readConfig } from "./config";
import { errorBody, errorResponse } from "./error-response";
import { READ_METHODS, admittedOrigin, crossOrigin } from "./middleware/cross-origin";
import { allowOnly } from "./middleware/allow-only";
import { noSniff } from "./middleware/no-sniff";
import { rateLimit } from "./middleware/rate-limit";
import { adminRoute } from "./routes/admin";
import { faqRoute } from "./routes/faq";
import { feedbackRoute } from "./routes/feedback";
import { healthRoute } from "./routes/health";
import { pagesRoute } from "./routes/pages";

const methodNotAllowed = allowOnly(READ_METHODS);
const postOnly = allowOnly(["POST", "OPTIONS"]);

export const app = new Hono<AppEnv>();

// Order matters: CORS wraps the config check, so a broken setting is still reported to the browser.
app.use("*", noSniff);
app.use("*", crossOrigin);
app.use("*", async (c, next) => {
  c.set("config", readConfig(c.env));
  await next();
});
// Durations only, readable by the origins CORS admits.
app.use("*", timing({
  crossOrigin: (c) => admittedOrigin(c) ?? false,
  total: true,
  totalDescription: "", // "total" says it; the description was 28 bytes on every answer
}));

app.route("/", pagesRoute);
// Loaded on first use: the response schemas and the document builder are not
// needed to answer questions, and building them cost every cold start.
// The document changes only with a deploy: an hour in caches is fine, and a client may revalidate sooner.
app.get("/openapi.json", async (c) => {
  c.header("Cache-Control", "public, max-age=3600");
  return c.json((await import("./api/openapi")).openApiDocument());
});
app.use("/faq", rateLimit);
app.route("/faq", faqRoute);
app.use("/feedback", rateLimit);
app.route("/feedback", feedbackRoute);
// The owner's dashboard: a page and its files, open without a token (the API calls it makes need one),
// but only where ADMIN_TOKEN is set, like the rest of /admin/*. Loaded on first use, so that no
// isolate answering /faq holds its code or its text; ahead of the admin rate limit (no token is tried here).
const dashboard = (serve: "dashboardPage" | "dashboardAsset") => async (c: Context<AppEnv>) =>
  c.get("config").adminToken ? (await import("./routes/dashboard"))[serve](c) : c.notFound();
app.get("/admin", dashboard("dashboardPage"));
app.get("/admin/", (c) => (c.get("config").adminToken ? c.redirect("/admin", 301) : c.notFound()));
app.get("/admin/assets/:name", dashboard("dashboardAsset"));
// guessing the admin token costs the same budget as asking questions
app.use("/admin/*", rateLimit);
app.route("/admin", adminRoute);
// Monitors poll /health and are never limited; but a collection it names
// costs a KV read for each name never seen, as dear as a question.
app.use("/health", (c, next) => (c.req.query("collection") ? rateLimit(c, next) : next()));
app.route("/health", healthRoute);
app.all("/", methodNotAllowed);
app.all("/widget.js", methodNotAllowed);
app.all("/openapi.json", methodNotAllowed);
app.all("/faq", methodNotAllowed);
app.all("/health", methodNotAllowed);
app.all("/feedback", postOnly);
// after the admin token check, like every /admin path: a caller without one learns nothing of its methods
app.all("/admin", methodNotAllowed);

app.notFound((c) => {
  c.header("Cache-Control", "no-store");
  return c.json(errorBody("not_found", "No such path."), 404);
});

app.onError(errorResponse);
