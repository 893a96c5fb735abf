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
  maxPages: number;
}

/** Nested sitemap indexes deeper than this are not followed. */
const MAX_DEPTH = 3;

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

  async function read(url: string, depth: number): Promise<void> {
    if (seen.has(url)) return;
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
      for (const child of listed.urls) await read(child, depth + 1);
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
  if (offHost.size > 0) result.notes.push(`${sitemapUrl}: pages on ${[...offHost].sort().join(", ")} left out (not an allowed host; --allow-host admits one)`);
  if (over > 0) result.notes.push(`${sitemapUrl}: ${over} more pages left out (--max-pages ${options.maxPages})`);
  return result;
}
