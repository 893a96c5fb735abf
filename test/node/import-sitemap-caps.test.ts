/**
 * A sitemap walk is bounded: it stops reading child sitemaps once
 * --max-pages pages are found, reads at most MAX_CHILD_SITEMAPS of them per
 * --sitemap, and does not read a --sitemap at all when --max-pages is
 * already reached. Counted in the requests the fixture site receives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPages, type ImportOptions } from "../../scripts/import/import-pages";
import { MAX_CHILD_SITEMAPS } from "../../scripts/import/sitemap";
import { IMPORT_FETCH_POLICY } from "../../scripts/seed/from-pages";
import { startFaqSite, type FaqSite } from "../stand-ins/faq-site";

let site: FaqSite;

beforeAll(async () => {
  site = await startFaqSite();
});

afterAll(async () => {
  await site.close();
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
/** Requests made during `work` whose path starts with `prefix`. */
async function counting<T>(prefix: string, work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = site.requests.length;
  const result = await work();
  return { result, requests: site.requests.slice(before).filter((r) => r.path.startsWith(prefix)).length };
}

describe("sitemap walk caps", () => {
  it("stops reading child sitemaps once --max-pages pages are found", async () => {
    // 1,500 children of two pages each
    const index = `${site.url}/big-index.xml`;
    const { result, requests } = await counting("/big-child-", () => run({ sitemaps: [index], maxPages: 5 }));
    expect(requests).toBe(3);
    expect(result.records.map((r) => r.question)).toEqual(["Question 0?", "Question 1?", "Question 2?", "Question 3?", "Question 4?"]);
    expect(result.notes).toEqual([
      `${index}: 1 more pages left out (--max-pages 5)`,
      `${index}: 1497 child sitemaps not read (--max-pages 5 pages found)`,
    ]);
  });

  it("reads at most 50 child sitemaps per --sitemap", async () => {
    // 1,500 children, each listing only a page on another host: no page is ever found
    const index = `${site.url}/big-index.xml?kind=offhost`;
    const { result, requests } = await counting("/big-child-", () => run({ sitemaps: [index] }));
    expect(requests).toBe(50);
    expect(MAX_CHILD_SITEMAPS).toBe(50);
    expect(result.records).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual([
      `${index}: pages on ${new URL(site.otherHostUrl).host} left out (not an allowed host; --allow-host admits one)`,
      `${index}: 1450 child sitemaps not read (at most 50 are read per --sitemap)`,
    ]);
  });

  it("does not read a --sitemap once --from-page has found --max-pages pages", async () => {
    const sitemap = `${site.url}/sitemap-2.xml`;
    const { result, requests } = await counting("/sitemap-2.xml", () => run({ pages: [`${site.url}/details.html`], sitemaps: [sitemap], maxPages: 1 }));
    expect(requests).toBe(0);
    expect(result.records.map((r) => r.question)).toEqual(["Do you ship to Canada?", "How much is shipping?"]);
    expect(result.notes).toEqual([`${sitemap}: not read (--max-pages 1 pages found)`]);
  });

  it("names the user's --max-pages, not what is left of it, when a sitemap follows --from-page", async () => {
    const sitemap = `${site.url}/sitemap-many.xml`;
    const result = await run({ pages: [`${site.url}/details.html`], sitemaps: [sitemap], maxPages: 3 });
    expect(result.records.map((r) => r.question)).toEqual(["Do you ship to Canada?", "How much is shipping?", "Question 0?", "Question 1?"]);
    expect(result.notes).toEqual([`${sitemap}: 8 more pages left out (--max-pages 3)`]);
  });
});
