import { DOMParser } from "linkedom";
import type { DomDocument } from "./dom";
import { PageError } from "./page-error";
import type { PoliteFetcher } from "./polite-fetch";

export interface SitemapPages {
  pages: string[];
  /** Why some listed pages or sitemaps were left out, one line each. */
  notes: string[];
  failures: PageError[];
}

export interface SitemapOptions {
  /** Pages wanted; the walk stops reading child sitemaps once it has found them. */
  maxPages: number;
  /** The --max-pages the user gave, for messages (maxPages is what is left of it); defaults to maxPages. */
  maxPagesFlag?: number;
}

/** Nested sitemap indexes deeper than this are not followed. */
const MAX_DEPTH = 3;

/**
 * Child sitemaps read at most per --sitemap, over every level of nesting.
 * The walk is one request at a time, each up to the page timeout and its
 * retries, so this bounds a walk to minutes even when every child is slow,
 * empty or lists only other hosts' pages; a site's FAQ pages sit in a
 * handful of its sitemaps, and 50 children of up to 50,000 URLs each is far
 * beyond --max-pages. Name a deeper sitemap with --sitemap to read it.
 */
export const MAX_CHILD_SITEMAPS = 50;

function locs(xml: string): { index: boolean; urls: string[] } | null {
  const document = new DOMParser().parseFromString(xml, "text/xml") as unknown as DomDocument & { documentElement: { localName: string } | null };
  const root = document.documentElement?.localName;
  if (root !== "urlset" && root !== "sitemapindex") return null;
  const urls = Array.from(document.querySelectorAll("loc"), (loc) => (loc.textContent ?? "").trim()).filter((url) => url !== "");
  return { index: root === "sitemapindex", urls };
}

/**
 * The pages a sitemap lists, following sitemap indexes, in order, at most
 * `maxPages`, and only on the fetcher's allowed hosts.
 */
export async function sitemapPages(fetcher: PoliteFetcher, sitemapUrl: string, options: SitemapOptions): Promise<SitemapPages> {
  const result: SitemapPages = { pages: [], notes: [], failures: [] };
  const seen = new Set<string>();
  const offHost = new Set<string>();
  let over = 0;
  let childrenRead = 0;
  let unreadFull = 0; // child sitemaps not read because --max-pages pages were found
  let unreadCapped = 0; // ... because MAX_CHILD_SITEMAPS were read

  async function read(url: string, depth: number): Promise<void> {
    seen.add(url);
    let text: string;
    try {
      ({ text } = await fetcher.fetchText(url, "xml"));
    } catch (error) {
      if (error instanceof PageError) return void result.failures.push(error);
      throw error;
    }
    const listed = locs(text);
    if (!listed) return void result.failures.push(new PageError(url, "not_sitemap", "not a sitemap (no <urlset> or <sitemapindex>)"));
    if (listed.index) {
      if (depth >= MAX_DEPTH) return void result.notes.push(`${url}: sitemap indexes nested deeper than ${MAX_DEPTH} are not followed`);
      const children = listed.urls.filter((child) => !seen.has(child));
      for (const [i, child] of children.entries()) {
        if (result.pages.length >= options.maxPages) return void (unreadFull += children.length - i);
        if (childrenRead >= MAX_CHILD_SITEMAPS) return void (unreadCapped += children.length - i);
        if (seen.has(child)) continue;
        childrenRead += 1;
        await read(child, depth + 1);
      }
      return;
    }
    for (const page of listed.urls) {
      let parsed: URL;
      try {
        parsed = new URL(page);
      } catch {
        result.failures.push(new PageError(page, "not_url", `listed in ${url} but not a URL`));
        continue;
      }
      if (!fetcher.allowedHosts.has(parsed.host)) {
        offHost.add(parsed.host);
        continue;
      }
      if (result.pages.includes(parsed.href)) continue;
      if (result.pages.length >= options.maxPages) {
        over += 1;
        continue;
      }
      result.pages.push(parsed.href);
    }
  }

  await read(sitemapUrl, 0);
  const flag = `--max-pages ${options.maxPagesFlag ?? options.maxPages}`;
  if (offHost.size > 0) result.notes.push(`${sitemapUrl}: pages on ${[...offHost].sort().join(", ")} left out (not an allowed host; --allow-host admits one)`);
  if (over > 0) result.notes.push(`${sitemapUrl}: ${over} more pages left out (${flag})`);
  if (unreadFull > 0) result.notes.push(`${sitemapUrl}: ${unreadFull} child sitemaps not read (${flag} pages found)`);
  if (unreadCapped > 0) result.notes.push(`${sitemapUrl}: ${unreadCapped} child sitemaps not read (at most ${MAX_CHILD_SITEMAPS} are read per --sitemap)`);
  return result;
}
