import { describe, expect, it } from "vitest";
import { get } from "./helpers";

describe("demo page and widget", () => {
  it("serves the demo page from the Worker, loading the widget from the same Worker", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<script src="/widget.js"></script>');
    expect(html).toContain("<faq-search");
    // nothing from a CDN
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it("serves the widget as JavaScript defining <faq-search>", async () => {
    const response = await get("/widget.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const source = await response.text();
    expect(source).toContain('customElements.define("faq-search"');
    expect((await get("/widget.js", { method: "POST" })).status).toBe(405);
  });
});
