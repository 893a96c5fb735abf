/** Why a page, sitemap or robots.txt could not be used; one stable code each. */
export type PageErrorCode =
  | "not_http" // not an http(s) URL
  | "host_not_allowed" // a hop (the URL itself, a redirect, robots.txt's redirect) leaves the allowed hosts
  | "robots_disallowed" // robots.txt disallows the path
  | "robots_unreachable" // robots.txt could not be read (5xx, network, timeout), so its host is off limits
  | "too_many_redirects"
  | "bad_redirect" // a Location that is not a URL
  | "http_status" // a 4xx other than 429, or a 3xx without Location; not retried
  | "unreachable" // network error, timeout (headers or body), body cut short, 429 or 5xx, after every retry
  | "too_large"
  | "wrong_type" // not HTML, not a sitemap, not gzip
  | "not_sitemap" // read, but no <urlset> or <sitemapindex>
  | "not_url" // a sitemap <loc> that is not a URL
  | "bad_file"; // a local page that is not .html or cannot be read

/** A page or sitemap that could not be read; the message starts with its URL. */
export class PageError extends Error {
  constructor(readonly url: string, readonly code: PageErrorCode, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "PageError";
  }
}

/**
 * Every retry failed. `problem` says how the last attempt failed, in full
 * (`cannot connect (ECONNREFUSED)`); `brief` is the same in a few words
 * (`ECONNREFUSED`), for messages that quote it.
 */
export class UnreachableError extends PageError {
  constructor(url: string, readonly problem: string, readonly brief: string, readonly attempts: number) {
    super(url, "unreachable", `${problem} (${attemptsText(attempts)})`);
  }
}

export const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? "" : "s"}`;

