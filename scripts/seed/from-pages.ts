import { importPages } from "../import/import-pages";
import { pageOfUrl } from "../import/page-url";
import type { FetchPolicy } from "../import/polite-fetch";
import { ROBOTS_TOKEN, USER_AGENT } from "../import/user-agent";
import { fromRecords } from "./from-faq-file";
import { withDrafts } from "./with-drafts";
import type { PendingIndex } from "./pending-index";
import type { SeedArgs } from "./seed-args";

/**
 * How the importer fetches: 4 requests at a time per host, 10 s
 * (--page-timeout-ms) for headers and body together and 2 retries per
 * request, 5 redirects, 5 MB.
 */
export const IMPORT_FETCH_POLICY: FetchPolicy = {
  userAgent: USER_AGENT,
  robotsToken: ROBOTS_TOKEN,
  timeoutMs: 10_000,
  retries: 2,
  retryDelayMs: 500,
  maxRedirects: 5,
  maxBytes: 5 * 1024 * 1024,
  perHost: 4,
};

const NO_URL = "(no page URL)";

/** The run fails, writing nothing; the message says why. */
export class ImportFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFailed";
  }
}

/**
 * FAQs read from pages (--from-page, --sitemap), then the usual build. Each
 * page that fails is reported on stderr with its URL. No FAQ at all, or any
 * failure with --strict, stops the run before anything is embedded or written.
 */
export async function fromPages(args: SeedArgs, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<PendingIndex> {
  const result = await importPages({
    pages: args.fromPage,
    sitemaps: args.sitemap,
    categoryFrom: args.categoryFrom,
    maxPages: args.maxPages,
    allowHosts: args.allowHost,
    fetchPolicy: { ...IMPORT_FETCH_POLICY, timeoutMs: args.pageTimeoutMs },
    selectors: args.faqSelectors,
  });
  for (const page of result.pages) log(`read ${page.faqs} FAQs from ${page.url ?? page.source} (${page.markup})`);
  for (const note of result.notes) log(`note: ${note}`);
  for (const failure of result.failures) log(`failed: ${failure}`);
  const tried = result.pages.length + result.failures.length;
  if (result.records.length === 0) throw new ImportFailed(`no FAQ found on any page (${result.failures.length} failed); nothing was written`);
  if (args.strict && result.failures.length > 0) {
    throw new ImportFailed(`${result.failures.length} of ${tried} pages failed and --strict is set; nothing was written`);
  }
  const source = [...args.fromPage, ...args.sitemap].join(" ");
  const pending = await fromRecords(await withDrafts(result.records, args, log), source, args, env);
  const pageOf = (url: string | null) => (url === null ? NO_URL : pageOfUrl(url));
  // pages without a URL share one heading in --dry-run, so their lines name the file
  const found = result.pages.map((page) => ({ page: pageOf(page.url), line: `found by ${page.markup}: ${page.faqs} FAQs${page.url === null ? ` in ${page.source}` : ""}` }));
  return {
    ...pending,
    pageOf: (record) => pageOf(record.url),
    foundOn: (page) => found.filter((read) => read.page === page).map((read) => read.line),
  };
}
