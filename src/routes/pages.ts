import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import demoPage from "../widget/demo.html";
import widgetSource from "../widget/faq-search.widget.js";

/** The demo page (GET /) and the embeddable widget (GET /widget.js), both served by the Worker itself. */
export const pagesRoute = new Hono<AppEnv>()
  .get("/", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.html(demoPage);
  })
  .get("/widget.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(widgetSource);
  });
