import { Hono } from "hono";
import { cors } from "hono/cors";
import { timing } from "hono/timing";
import type { AppEnv } from "./app-env";
import { openApiDocument } from "./api/openapi";
import { readConfig } from "./config";
import { ApiError } from "./errors";
import { rateLimit } from "./rate-limit";
import { faqRoute } from "./routes/faq";
import { healthRoute } from "./routes/health";
import { pagesRoute } from "./routes/pages";

const READ_METHODS = ["GET", "HEAD", "OPTIONS"];

const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Answers 405 with the methods the path does support. */
const methodNotAllowed = () => {
  throw new ApiError(405, "method_not_allowed", "This path only supports GET.", { Allow: READ_METHODS.join(", ") });
};

export const app = new Hono<AppEnv>();

app.use("*", async (c, next) => {
  c.set("config", readConfig(c.env));
  await next();
});

// Built per request because the allowlist lives in the Worker's env.
app.use("*", (c, next) => {
  const allowed = c.get("config").allowedOrigins;
  return cors({
    origin: allowed.includes("*") ? "*" : allowed,
    allowMethods: READ_METHODS,
    exposeHeaders: ["Server-Timing"],
    maxAge: 86400,
  })(c, next);
});

app.use("*", timing({ crossOrigin: true, total: true }));

app.route("/", pagesRoute);
app.get("/openapi.json", (c) => c.json(openApiDocument()));
app.use("/faq", rateLimit);
app.route("/faq", faqRoute);
app.route("/health", healthRoute);
app.all("/", methodNotAllowed);
app.all("/widget.js", methodNotAllowed);
app.all("/openapi.json", methodNotAllowed);
app.all("/faq", methodNotAllowed);
app.all("/health", methodNotAllowed);

app.notFound((c) => c.json(errorBody("not_found", "No such path."), 404));

app.onError((error, c) => {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  // Unknown failures are logged by name only: their messages may carry request data.
  console.error(`unhandled ${error.name} on ${c.req.method} ${new URL(c.req.url).pathname}`);
  return c.json(errorBody("internal_error", "Something went wrong on our side."), 500);
});
