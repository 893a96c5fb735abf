import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { FaqRecord } from "../../src/faq-record";
import { runInLanes } from "../../src/lib/run-in-lanes";
import { extractFaqs, type ExtractedPage, type FaqMarkup } from "./extract-faqs";
import { pageFaqId } from "./faq-id";
import type { FaqSelectors } from "./from-selectors";
import { pageOfUrl } from "./page-url";
import { AllowedHosts } from "./allowed-hosts";
import { PageError } from "./page-error";
import { PoliteFetcher, type FetchPolicy } from "./polite-fetch";
import { sitemapPages } from "./sitemap";

export type CategoryFrom = "title" | "h1" | "none";

export interface ImportOptions {
  /** http(s) URLs or local .html files, in order. */
  pages: string[];
  sitemaps: string[];
  categoryFrom: CategoryFrom;
  maxPages: number;
  /** Hosts besides those of `pages` and `sitemaps` that any request may reach (--allow-host). */
  allowHosts: string[];
  fetchPolicy: FetchPolicy;
  /** Pages read at once, over all hosts (each host also has its own limit). */
  concurrency?: number;
  /** CSS selectors tried before every other rule on each page (--question-selector, --answer-selector); default none. */
  selectors?: FaqSelectors | null;
}

export interface ImportedPage {
  source: string;
  /** The page's URL (after redirects), or its canonical URL for a local file; null when it has none. */
  url: string | null;
  markup: FaqMarkup;
  faqs: number;
}

export interface ImportResult {
  /** In index order: pages in the order given, then sitemap pages, each page's FAQs in page order. */
  records: FaqRecord[];
  pages: ImportedPage[];
  /** Pages that could not be read or held no FAQ; each line names its URL or file. */
  failures: string[];
  /** Things left out on purpose (duplicates, pages beyond --max-pages, other hosts). */
  notes: string[];
}

/** FAQ ids are at most this long; a longer JSON-LD @id is replaced by the hash id. */
const MAX_ID_CHARS = 200;

/** What a page without FAQs was searched for, in the order of trust. */
const LOOKED_FOR = "FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask";

const isUrl = (source: string) => /^https?:\/\//i.test(source);

async function readPage(source: string, fetcher: PoliteFetcher, selectors: FaqSelectors | null): Promise<{ url: string | null; key: string; page: ExtractedPage }> {
  if (isUrl(source)) {
    const { url, text } = await fetcher.fetchText(source, "html");
    return { url, key: url, page: extractFaqs(text, { selectors }) };
  }
  if (!/\.x?html?$/i.test(source)) throw new PageError(source, "bad_file", "a local page must be an .html file");
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch {
    throw new PageError(source, "bad_file", "cannot read the file");
  }
  const page = extractFaqs(text, { selectors });
  // a saved page keeps its place on the web through its canonical URL, and so its FAQs keep their ids
  return { url: page.canonical, key: page.canonical ?? `file://${resolve(source)}`, page };
}

function toRecords(read: { url: string | null; key: string; page: ExtractedPage }, categoryFrom: CategoryFrom): FaqRecord[] {
  const category = categoryFrom === "title" ? read.page.title : categoryFrom === "h1" ? read.page.h1 : null;
  const base = read.url === null ? null : pageOfUrl(read.url);
  return read.page.faqs.map((faq) => ({
    id: faq.id && faq.id.length <= MAX_ID_CHARS ? faq.id : pageFaqId(read.key, faq.question),
    question: faq.question,
    answer: faq.answer,
    url: base === null ? null : faq.fragment ? `${base}#${encodeURIComponent(faq.fragment)}` : base,
    category,
  }));
}

/**
 * Reads FAQs from pages where they already live: each --from-page source,
 * then the pages of each sitemap, at most maxPages in all. A page that fails
 * or holds no FAQ is reported and skipped; the caller decides whether that
 * fails the run.
 */
export async function importPages(options: ImportOptions): Promise<ImportResult> {
  // one set for every request of the run, so no redirect, child sitemap or robots.txt leaves it
  const fetcher = new PoliteFetcher(options.fetchPolicy, AllowedHosts.of([...options.pages, ...options.sitemaps], options.allowHosts));
  const failures: string[] = [];
  const notes: string[] = [];
  const sources: string[] = [];
  const seen = new Set<string>();
  const add = (source: string) => {
    const key = isUrl(source) ? pageOfUrl(new URL(source).href) : resolve(source);
    if (seen.has(key)) return;
    seen.add(key);
    if (sources.length < options.maxPages) sources.push(source);
    else notes.push(`${source}: left out (--max-pages ${options.maxPages})`);
  };
  for (const page of options.pages) add(page);
  for (const sitemap of options.sitemaps) {
    const left = options.maxPages - sources.length;
    if (left <= 0) {
      notes.push(`${sitemap}: not read (--max-pages ${options.maxPages} pages found)`);
      continue;
    }
    const listed = await sitemapPages(fetcher, sitemap, { maxPages: left, maxPagesFlag: options.maxPages });
    failures.push(...listed.failures.map((failure) => failure.message));
    notes.push(...listed.notes);
    for (const page of listed.pages) add(page);
  }

  const reads: Array<Awaited<ReturnType<typeof readPage>> | PageError> = [];
  await runInLanes(sources.length, options.concurrency ?? 8, async (i) => {
    try {
      reads[i] = await readPage(sources[i]!, fetcher, options.selectors ?? null);
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      reads[i] = error;
    }
  });

  const records: FaqRecord[] = [];
  const pages: ImportedPage[] = [];
  const ids = new Set<string>();
  reads.forEach((read, i) => {
    const source = sources[i]!;
    if (read instanceof PageError) return void failures.push(read.message);
    if (read.page.badJsonLd > 0) notes.push(`${read.url ?? source}: ${read.page.badJsonLd} JSON-LD block(s) are not valid JSON and were skipped`);
    if (read.page.problem !== null) return void failures.push(`${read.url ?? source}: ${read.page.problem}`);
    if (read.page.markup === null) return void failures.push(`${read.url ?? source}: no FAQ found (looked for ${options.selectors ? "the selectors, " : ""}${LOOKED_FOR})`);
    let kept = 0;
    for (const record of toRecords(read, options.categoryFrom)) {
      if (ids.has(record.id)) {
        notes.push(`${read.url ?? source}: "${record.question}" left out (id ${record.id} is already taken by an earlier FAQ)`);
        continue;
      }
      ids.add(record.id);
      records.push(record);
      kept += 1;
    }
    pages.push({ source, url: read.url, markup: read.page.markup, faqs: kept });
  });
  return { records, pages, failures, notes };
}
