/**
 * The importer stays on the allowed hosts: those of the --from-page and
 * --sitemap URLs, and each --allow-host. Two fixture sites on two ports, the
 * first also reachable as localhost (another host to the importer); every
 * hop of every request is checked, and a refusal names the host and the
 * flag that admits it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPages, type ImportOptions } from "../../scripts/import/import-pages";
import { IMPORT_FETCH_POLICY } from "../../scripts/seed/from-pages";
import { startFaqSite, type FaqSite } from "../stand-ins/faq-site";

let a: FaqSite;
let b: FaqSite;
let hostB: string;
let hostOtherA: string;

beforeAll(async () => {
  a = await startFaqSite();
  b = await startFaqSite();
  hostB = new URL(b.url).host;
  hostOtherA = new URL(a.otherHostUrl).host;
});

afterAll(async () => {
  await a.close();
  await b.close();
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
const redirect = (to: string) => `${a.url}/redirect?to=${encodeURIComponent(to)}`;
const list = (kind: "list" | "index", urls: string[]) => `${a.url}/${kind}.xml?${urls.map((url) => `loc=${encodeURIComponent(url)}`).join("&")}`;
const refused = (host: string) => `host ${host} is not allowed (--allow-host ${host} admits it)`;
const SHIPPING = ["Do you ship to Canada?", "How much is shipping?"];
const PLANS = ["Can I upgrade my plan?", "Is there a free plan?"];
const ACCOUNT = ["How do I reset my password?", "Can I change my e-mail address?"];

describe("allowed hosts", () => {
  it("refuses a listed page's redirect to another port or another host name, and requests nothing there", async () => {
    const toB = redirect(`${b.url}/details.html`);
    const toLocalhost = redirect(`${a.otherHostUrl}/microdata.html`);
    const before = a.requests.length;
    const result = await run({ sitemaps: [list("list", [toB, toLocalhost, `${a.url}/jsonld-graph.html`])] });
    expect(result.failures).toEqual([
      `${toB}: redirects to ${b.url}/details.html, and ${refused(hostB)}`,
      `${toLocalhost}: redirects to ${a.otherHostUrl}/microdata.html, and ${refused(hostOtherA)}`,
    ]);
    expect(result.records.map((r) => r.question)).toEqual(ACCOUNT);
    expect(b.requests).toEqual([]);
    expect(a.requests.slice(before).filter((r) => r.host !== new URL(a.url).host)).toEqual([]);
  });

  it("follows those redirects when --allow-host admits the hosts", async () => {
    const result = await run({
      sitemaps: [list("list", [redirect(`${b.url}/details.html`), redirect(`${a.otherHostUrl}/microdata.html`)])],
      allowHosts: [hostB, hostOtherA.toUpperCase()],
    });
    expect(result.failures).toEqual([]);
    expect(result.records.map((r) => [r.question, r.url])).toEqual([
      ...SHIPPING.map((q, i) => [q, i === 0 ? `${b.url}/details.html#canada` : `${b.url}/details.html`]),
      ...PLANS.map((q, i) => [q, i === 0 ? `${a.otherHostUrl}/microdata.html#upgrade` : `${a.otherHostUrl}/microdata.html`]),
    ]);
  });

  it("does not fetch a child sitemap on another host, nor that host's robots.txt", async () => {
    const before = b.requests.length;
    const result = await run({ sitemaps: [list("index", [`${b.url}/sitemap-2.xml`, `${a.url}/sitemap-2.xml`])] });
    expect(result.failures).toEqual([
      `${b.url}/sitemap-2.xml: ${refused(hostB)}`,
      `${a.url}/none.html: no FAQ found (looked for FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask)`,
    ]);
    expect(result.records.map((r) => r.question)).toEqual(SHIPPING);
    expect(b.requests.slice(before)).toEqual([]);
  });

  it("does not follow robots.txt to another host: the page fails, naming the host", async () => {
    const c = await startFaqSite({ robots: { redirectTo: `${b.url}/robots.txt` } });
    try {
      const before = b.requests.length;
      const refusedRun = await run({ pages: [`${c.url}/details.html`] });
      expect(refusedRun.failures).toEqual([
        `${c.url}/details.html: robots.txt redirects to ${b.url}/robots.txt, and ${refused(hostB)}, so nothing on that host is fetched`,
      ]);
      expect(b.requests.slice(before)).toEqual([]);
      expect(c.requests.map((r) => r.path)).toEqual(["/robots.txt"]);

      const admitted = await run({ pages: [`${c.url}/details.html`, `${c.url}/private/secret.html`], allowHosts: [hostB] });
      expect(admitted.records.map((r) => r.question)).toEqual(SHIPPING);
      // b's rules, read through the redirect, apply to c
      expect(admitted.failures).toEqual([`${c.url}/private/secret.html: disallowed by robots.txt`]);
    } finally {
      await c.close();
    }
  });

  it("allows the host of every --from-page and --sitemap, to all of them", async () => {
    // a's sitemap lists a page on b; b is allowed because a --from-page names it
    const result = await run({ pages: [`${b.url}/jsonld-graph.html`], sitemaps: [list("list", [`${b.url}/microdata.html`, `${a.url}/details.html`])] });
    expect(result.failures).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.records.map((r) => r.question)).toEqual([...ACCOUNT, ...PLANS, ...SHIPPING]);
  });
});
