/**
 * Reading FAQs from the pages where they live, against a local web site of
 * fixture pages (test/stand-ins/faq-site.ts): every markup the importer
 * reads, sitemaps, robots.txt, and each way a page can fail, with the exact
 * records and messages; then the seed CLI end to end.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPages, type ImportOptions } from "../../scripts/import/import-pages";
import { USER_AGENT } from "../../scripts/import/user-agent";
import { IMPORT_FETCH_POLICY } from "../../scripts/seed/from-pages";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { startFaqSite, type FaqSite } from "../stand-ins/faq-site";
import { runScript, summaryLine } from "./helpers";

let site: FaqSite;
let stub: StubEmbedder;
let dir: string;

beforeAll(async () => {
  site = await startFaqSite();
  stub = await startStubEmbedder(8);
  dir = await mkdtemp(join(tmpdir(), "faq-import-"));
});

afterAll(async () => {
  await site.close();
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the importer promises for a question without an @id: a hash of the page URL and the question. */
const hashId = (pageUrl: string, question: string) => createHash("sha256").update(`${pageUrl}\n${question}`).digest("hex").slice(0, 12);

const run = (options: Partial<ImportOptions>) => importPages({
  pages: [],
  sitemaps: [],
  categoryFrom: "title",
  maxPages: 500,
  allowHosts: [],
  fetchPolicy: { ...IMPORT_FETCH_POLICY, timeoutMs: 500, retryDelayMs: 20 },
  ...options,
});

describe("extraction", () => {
  it("reads JSON-LD FAQPage inside @graph, answers as plain text with paragraphs and list items as lines", async () => {
    const page = `${site.url}/jsonld-graph.html`;
    const result = await run({ pages: [page] });
    expect(result.failures).toEqual([]);
    expect(result.records).toEqual([
      {
        id: "https://help.example/account#reset",
        question: "How do I reset my password?",
        answer: "Open Settings & choose Reset.\nCheck your e-mail.\nFollow the link.",
        url: `${page}#reset`,
        category: "Account help | Example",
      },
      {
        id: hashId(page, "Can I change my e-mail address?"),
        question: "Can I change my e-mail address?",
        answer: "Yes, under Profile.",
        url: `${page}#email`,
        category: "Account help | Example",
      },
    ]);
    expect(result.pages).toEqual([{ source: page, url: page, markup: "json-ld", faqs: 2 }]);
  });

  it("reads FAQPage from several JSON-LD blocks (one object, a typed array), skipping a block that is not JSON", async () => {
    const page = `${site.url}/jsonld-multi.html`;
    const result = await run({ pages: [page], categoryFrom: "h1" });
    expect(result.records).toEqual([
      { id: hashId(page, "Where is my invoice?"), question: "Where is my invoice?", answer: "In Billing > Invoices.", url: page, category: "Billing questions" },
      { id: hashId(page, "Do you offer refunds?"), question: "Do you offer refunds?", answer: "Within 30 days.", url: page, category: "Billing questions" },
    ]);
    expect(result.notes).toEqual([`${page}: 1 JSON-LD block(s) are not valid JSON and were skipped`]);
  });

  it("reads microdata FAQPage, and <details> where there is no structured data", async () => {
    const plans = `${site.url}/microdata.html`;
    const shipping = `${site.url}/details.html`;
    const result = await run({ pages: [plans, shipping], categoryFrom: "none" });
    expect(result.records).toEqual([
      { id: hashId(plans, "Can I upgrade my plan?"), question: "Can I upgrade my plan?", answer: "Yes.\nUpgrades take effect at once.", url: `${plans}#upgrade`, category: null },
      { id: hashId(plans, "Is there a free plan?"), question: "Is there a free plan?", answer: "No, but there is a 14-day trial.", url: plans, category: null },
      { id: hashId(shipping, "Do you ship to Canada?"), question: "Do you ship to Canada?", answer: "Yes, in 5 to 8 days.", url: `${shipping}#canada`, category: null },
      { id: hashId(shipping, "How much is shipping?"), question: "How much is shipping?", answer: "It depends on weight.\nSee our rates.", url: shipping, category: null },
    ]);
    expect(result.pages.map((p) => p.markup)).toEqual(["microdata", "details"]);
  });

  it("reads a saved page from a file, keeping its canonical URL and so its ids", async () => {
    const file = join(dir, "saved.html");
    const canonical = "https://shop.example/shipping";
    const html = (await (await fetch(`${site.url}/details.html`)).text()).replace("</head>", `<link rel="canonical" href="${canonical}"></head>`);
    await writeFile(file, html);
    const result = await run({ pages: [file] });
    expect(result.records.map((r) => [r.id, r.url])).toEqual([
      [hashId(canonical, "Do you ship to Canada?"), `${canonical}#canada`],
      [hashId(canonical, "How much is shipping?"), canonical],
    ]);
  });
});

describe("sitemaps and fetching", () => {
  it("follows a sitemap index, keeps to the sitemap's host, obeys robots.txt, and names every page it skips", async () => {
    const result = await run({ sitemaps: [`${site.url}/sitemap-index.xml`] });
    expect(result.records.map((r) => r.question)).toEqual([
      "How do I reset my password?", "Can I change my e-mail address?", "Do you ship to Canada?", "How much is shipping?",
    ]);
    expect(result.failures).toEqual([
      `${site.url}/private/secret.html: disallowed by robots.txt`,
      `${site.url}/none.html: no FAQ found (looked for FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask)`,
    ]);
    expect(result.notes).toEqual([`${site.url}/sitemap-index.xml: pages on ${new URL(site.otherHostUrl).host} left out (not an allowed host; --allow-host admits one)`]);
    expect(site.requests.some((r) => r.path === "/private/secret.html")).toBe(false);
  });

  it("gives the same FAQ the same id from --from-page and from a sitemap", async () => {
    const direct = await run({ pages: [`${site.url}/details.html`] });
    const listed = await run({ sitemaps: [`${site.url}/sitemap-2.xml`] });
    expect(listed.records.map((r) => r.id)).toEqual(direct.records.map((r) => r.id));
  });

  it("reports each failing page with its URL and reads the rest", async () => {
    const pages = ["/loop-a", "/missing", "/broken", "/slow", "/huge.html", "/manual.pdf", "/moved"].map((path) => `${site.url}${path}`);
    const result = await run({ pages });
    expect(result.failures).toEqual([
      `${site.url}/loop-a: more than 5 redirects`,
      `${site.url}/missing: HTTP 404`,
      `${site.url}/broken: HTTP 500 (3 attempts)`,
      `${site.url}/slow: no answer within 500 ms (3 attempts)`,
      `${site.url}/huge.html: larger than 5 MB`,
      `${site.url}/manual.pdf: not an HTML page (application/pdf)`,
    ]);
    // /moved redirects to the shipping page, which is where its FAQs point
    expect(result.records.map((r) => r.url)).toEqual([`${site.url}/details.html#canada`, `${site.url}/details.html`]);
    expect(site.requests.filter((r) => r.path === "/broken")).toHaveLength(3);
    expect(site.requests.filter((r) => r.path === "/missing")).toHaveLength(1); // a 404 is not retried
  });

  it("names itself, and asks one host for at most 4 pages at a time", async () => {
    site.maxInFlight = 0;
    const before = site.requests.length;
    const result = await run({ sitemaps: [`${site.url}/sitemap-many.xml`] });
    expect(result.records).toHaveLength(10);
    expect(site.maxInFlight).toBe(4);
    expect(USER_AGENT).toMatch(/^faq-edge\/\d+\.\d+\.\d+ /);
    const made = site.requests.slice(before);
    expect(made.map((r) => r.path)).toContain("/robots.txt");
    expect(new Set(made.map((r) => r.userAgent))).toEqual(new Set([USER_AGENT]));
  });

  it("follows a redirected robots.txt", async () => {
    const server = createServer((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(301, { location: "/rules.txt" }).end();
      if (req.url === "/rules.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: faq-edge\nDisallow: /faq\n");
      res.writeHead(200, { "content-type": "text/html" }).end("<details><summary>Q?</summary>A.</details>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await run({ pages: [`${base}/faq`, `${base}/help`] });
      expect(result.failures).toEqual([`${base}/faq: disallowed by robots.txt`]);
      expect(result.records.map((r) => r.url)).toEqual([`${base}/help`]);
    } finally {
      server.close();
    }
  });

  it("stops at --max-pages and says how many it left out", async () => {
    const result = await run({ sitemaps: [`${site.url}/sitemap-many.xml`], maxPages: 3 });
    expect(result.records.map((r) => r.question)).toEqual(["Question 0?", "Question 1?", "Question 2?"]);
    expect(result.notes).toEqual([`${site.url}/sitemap-many.xml: 7 more pages left out (--max-pages 3)`]);
  });
});

describe("npm run seed -- --from-page / --sitemap", () => {
  const seed = (...args: string[]) => runScript("scripts/seed.ts", [...args, "--embedder", "hf", "--no-calibrate", "--max-retries", "0", "--cache", join(dir, "cache"), "--page-timeout-ms", "500"], {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8",
  });

  it("builds an index from pages and writes faqs.jsonl beside the other artifacts", async () => {
    const out = join(dir, "out");
    const { code, stdout, stderr } = await seed("--from-page", `${site.url}/jsonld-graph.html`, "--sitemap", `${site.url}/sitemap-2.xml`, "--out", out);
    expect(code).toBe(0);
    expect(summaryLine(stdout)).toMatchObject({ faqs: 4, embedded: 4 });
    expect(stderr).toContain(`read 2 FAQs from ${site.url}/details.html (details)`);
    expect(stderr).toContain(`failed: ${site.url}/none.html: no FAQ found`);
    const lines = (await readFile(join(out, "faqs.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((r) => r.question)).toEqual(["How do I reset my password?", "Can I change my e-mail address?", "Do you ship to Canada?", "How much is shipping?"]);
    expect(lines[0]).toEqual({ id: "https://help.example/account#reset", question: "How do I reset my password?", answer: "Open Settings & choose Reset.\nCheck your e-mail.\nFollow the link.", url: `${site.url}/jsonld-graph.html#reset`, category: "Account help | Example" });

    // again: nothing changed, nothing embedded; --dry-run lists changes by page
    const again = await seed("--from-page", `${site.url}/jsonld-graph.html`, "--sitemap", `${site.url}/sitemap-2.xml`, "--out", out);
    expect(summaryLine(again.stdout)).toMatchObject({ faqs: 4, embedded: 0, reused: 4 });
    const dry = await seed("--from-page", `${site.url}/jsonld-multi.html`, "--from-page", `${site.url}/details.html`, "--out", out, "--dry-run");
    expect(dry.code).toBe(0);
    const listed = dry.stderr.split("\n").filter((line) => /^(http|  [+~-] )/.test(line));
    expect(listed).toEqual([
      `${site.url}/jsonld-multi.html:`,
      `  + ${hashId(`${site.url}/jsonld-multi.html`, "Where is my invoice?")}: Where is my invoice?`,
      `  + ${hashId(`${site.url}/jsonld-multi.html`, "Do you offer refunds?")}: Do you offer refunds?`,
      `${site.url}/jsonld-graph.html:`,
      "  - https://help.example/account#reset: How do I reset my password?",
      `  - ${hashId(`${site.url}/jsonld-graph.html`, "Can I change my e-mail address?")}: Can I change my e-mail address?`,
    ]);
  });

  it("fails, writing nothing, when no page has a FAQ", async () => {
    const out = join(dir, "out-none");
    const { code, stderr } = await seed("--from-page", `${site.url}/none.html`, "--from-page", `${site.url}/missing`, "--out", out);
    expect(code).toBe(1);
    expect(stderr).toContain(`failed: ${site.url}/none.html: no FAQ found (looked for FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask)`);
    expect(stderr).toContain(`failed: ${site.url}/missing: HTTP 404`);
    expect(stderr.trim().split("\n").pop()).toBe("seed: no FAQ found on any page (2 failed); nothing was written");
    await expect(readdir(out)).rejects.toThrow();
  });

  it("fails with --strict when any page fails", async () => {
    const out = join(dir, "out-strict");
    const { code, stderr } = await seed("--from-page", `${site.url}/details.html`, "--from-page", `${site.url}/manual.pdf`, "--strict", "--out", out);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n").pop()).toBe("seed: 1 of 2 pages failed and --strict is set; nothing was written");
    await expect(readdir(out)).rejects.toThrow();
  });

  it("refuses --input with --from-page", async () => {
    const { code, stderr } = await seed("--input", "data/medicare-faqs.json", "--from-page", `${site.url}/details.html`);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("seed: --input cannot be combined with --from-page or --sitemap: the FAQs come from one place");
  });
});
