/**
 * A page, sitemap or robots.txt whose body stalls, is cut short or is huge,
 * or a robots.txt that cannot be reached, fails alone with one line naming
 * its URL; the rest of the import goes on. Against the fixture site
 * (test/stand-ins/faq-site.ts), then through the seed CLI.
 */
import { readFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPages, type ImportOptions } from "../../scripts/import/import-pages";
import { IMPORT_FETCH_POLICY } from "../../scripts/seed/from-pages";
import { startFaqSite, type FaqSite } from "../stand-ins/faq-site";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { freePort, runScript, summaryLine } from "./helpers";

let site: FaqSite;
let dir: string;

beforeAll(async () => {
  site = await startFaqSite();
  dir = await mkdtemp(join(tmpdir(), "faq-import-failures-"));
});

afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

const run = (options: Partial<ImportOptions>) => importPages({
  pages: [],
  sitemaps: [],
  categoryFrom: "none",
  maxPages: 500,
  allowHosts: [],
  fetchPolicy: { ...IMPORT_FETCH_POLICY, timeoutMs: 500, retryDelayMs: 20 },
  ...options,
});
const SHIPPING = ["Do you ship to Canada?", "How much is shipping?"];
const requestsFor = (target: FaqSite, path: string) => target.requests.filter((r) => r.path === path).length;

describe("bodies that stall or are cut short", () => {
  it("fail their own page after the usual retries, and the other pages are read", async () => {
    const result = await run({ pages: ["/slow-drip.html", "/truncated.html", "/details.html"].map((path) => `${site.url}${path}`) });
    expect(result.failures).toEqual([
      `${site.url}/slow-drip.html: body not complete within 500 ms (3 attempts)`,
      `${site.url}/truncated.html: connection closed after 60 of 5000 bytes (3 attempts)`,
    ]);
    expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
    expect([requestsFor(site, "/slow-drip.html"), requestsFor(site, "/truncated.html")]).toEqual([3, 3]);
  });

  it("a sitemap whose body stalls is one failure line, and the next sitemap is read", async () => {
    const result = await run({ sitemaps: [`${site.url}/slow-sitemap.xml`, `${site.url}/sitemap-2.xml`] });
    expect(result.failures).toEqual([
      `${site.url}/slow-sitemap.xml: body not complete within 500 ms (3 attempts)`,
      `${site.url}/none.html: no FAQ found (looked for FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask)`,
    ]);
    expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
  });

  it("a slow page listed in a sitemap fails alone", async () => {
    const sitemap = `${site.url}/list.xml?loc=${encodeURIComponent(`${site.url}/slow-drip.html`)}&loc=${encodeURIComponent(`${site.url}/details.html`)}`;
    const result = await run({ sitemaps: [sitemap] });
    expect(result.failures).toEqual([`${site.url}/slow-drip.html: body not complete within 500 ms (3 attempts)`]);
    expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
  });

  it("a robots.txt whose body stalls leaves its host unread, saying why", async () => {
    const slow = await startFaqSite({ robots: "slow" });
    try {
      const result = await run({ pages: [`${slow.url}/details.html`] });
      expect(result.failures).toEqual([
        `${slow.url}/details.html: robots.txt unreachable (body not complete within 500 ms after 3 attempts), so nothing on that host is fetched`,
      ]);
      expect(slow.requests.map((r) => r.path)).toEqual(["/robots.txt", "/robots.txt", "/robots.txt"]);
    } finally {
      await slow.close();
    }
  });
});

describe("redirects", () => {
  it("to a Location that is not a URL fail their own page, and robots.txt's leaves its host unread", async () => {
    const page = `${site.url}/redirect?to=${encodeURIComponent("http://[bad")}`;
    const bad = await startFaqSite({ robots: { redirectTo: "http://[bad" } });
    try {
      const result = await run({ pages: [page, `${bad.url}/details.html`, `${site.url}/details.html`] });
      expect(result.failures).toEqual([
        `${page}: redirects to "http://[bad", which is not a URL`,
        `${bad.url}/details.html: robots.txt redirects to "http://[bad", which is not a URL, so nothing on that host is fetched`,
      ]);
      expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
    } finally {
      await bad.close();
    }
  });

  it("a single attempt is counted as one", async () => {
    const result = await run({ pages: [`${site.url}/truncated.html`], fetchPolicy: { ...IMPORT_FETCH_POLICY, timeoutMs: 500, retries: 0 } });
    expect(result.failures).toEqual([`${site.url}/truncated.html: connection closed after 60 of 5000 bytes (1 attempt)`]);
  });
});

describe("robots.txt", () => {
  it("unreachable: each page names the cause, and nothing on that host is requested", async () => {
    const port = await freePort();
    const pages = [`http://127.0.0.1:${port}/faq.html`, `http://127.0.0.1:${port}/help.html`];
    const result = await run({ pages });
    expect(result.failures).toEqual(pages.map((page) => `${page}: robots.txt unreachable (ECONNREFUSED after 3 attempts), so nothing on that host is fetched`));
    expect(result.notes).toEqual([]);
  });

  it("answering 5xx: the same, with the status, and robots.txt asked for once per attempt", async () => {
    const broken = await startFaqSite({ robots: "broken" });
    try {
      const result = await run({ pages: [`${broken.url}/details.html`, `${broken.url}/microdata.html`] });
      expect(result.failures).toEqual([
        `${broken.url}/details.html: robots.txt unreachable (HTTP 503 after 3 attempts), so nothing on that host is fetched`,
        `${broken.url}/microdata.html: robots.txt unreachable (HTTP 503 after 3 attempts), so nothing on that host is fetched`,
      ]);
      expect(broken.requests.map((r) => r.path)).toEqual(["/robots.txt", "/robots.txt", "/robots.txt"]);
    } finally {
      await broken.close();
    }
  });

  it("is read up to 500 KiB: rules there apply, rules past it do not, and the download stops", async () => {
    const huge = await startFaqSite({ robots: "huge" });
    try {
      // 5 s, not 500 ms: on a loaded machine reading 500 KiB took longer, and the retry asked twice
      const result = await run({ pages: [`${huge.url}/private/secret.html`, `${huge.url}/details.html`], fetchPolicy: { ...IMPORT_FETCH_POLICY, timeoutMs: 5000, retryDelayMs: 20 } });
      expect(result.failures).toEqual([`${huge.url}/private/secret.html: disallowed by robots.txt`]);
      // "Disallow: /details.html" sits 600 KiB in, past the limit
      expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
      expect(requestsFor(huge, "/robots.txt")).toBe(1);
      // of 100 MiB offered, no more than the limit and what the sockets buffer was sent
      expect(huge.robotsBytesSent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await huge.close();
    }
  });
});

describe("npm run seed -- --from-page with a slow page", () => {
  let stub: StubEmbedder;
  beforeAll(async () => {
    stub = await startStubEmbedder(8);
  });
  afterAll(async () => {
    await stub.close();
  });

  it("writes the good page's FAQs and names the slow page in its failure line", async () => {
    const out = join(dir, "out");
    const { code, stdout, stderr } = await runScript("scripts/seed.ts", [
      "--from-page", `${site.url}/slow-drip.html`, "--from-page", `${site.url}/details.html`, "--out", out,
      "--embedder", "hf", "--no-calibrate", "--max-retries", "0", "--cache", join(dir, "cache"), "--page-timeout-ms", "500",
    ], { HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8" });
    expect(code).toBe(0);
    expect(stderr.split("\n").filter((line) => line.startsWith("failed: "))).toEqual([
      `failed: ${site.url}/slow-drip.html: body not complete within 500 ms (3 attempts)`,
    ]);
    expect(summaryLine(stdout)).toMatchObject({ faqs: 2, embedded: 2 });
    const written = (await readFile(join(out, "faqs.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line).question);
    expect(written).toEqual(SHIPPING);
  });
});
