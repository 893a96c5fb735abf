import { gunzipSync } from "node:zlib";
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from "./robots";

/** A page or sitemap that could not be read; the message starts with its URL. */
export class PageError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "PageError";
  }
}

export interface FetchPolicy {
  userAgent: string;
  /** The product token robots.txt groups are matched against. */
  robotsToken: string;
  timeoutMs: number;
  /** Retries after a network error, a timeout, a 429 or a 5xx. */
  retries: number;
  retryDelayMs: number;
  maxRedirects: number;
  maxBytes: number;
  /** Requests in flight at once to one host. */
  perHost: number;
}

export type Expected = "html" | "xml";

const HTML_TYPES = ["text/html", "application/xhtml+xml"];
const isXmlType = (type: string) => type === "application/xml" || type === "text/xml" || type.endsWith("+xml");
const isGzipType = (type: string) => type === "application/gzip" || type === "application/x-gzip";

/** Waits for a free slot on a host; at most `limit` in flight per host. */
class HostSlots {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(private readonly limit: number) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.get(host)?.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.active.set(host, this.active.get(host)! - 1);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const megabytes = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;

/**
 * Fetches pages the way a polite crawler does: its own User-Agent, robots.txt
 * obeyed (read once per origin), a few requests at a time per host, a
 * timeout and bounded retries, a limit on redirects and on size, and only
 * the content types asked for. Every failure is a PageError naming the URL.
 */
export class PoliteFetcher {
  private readonly slots: HostSlots;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  /** robots.txt files that could not be read, by origin, for the run's report. */
  readonly robotsProblems = new Map<string, string>();

  constructor(private readonly policy: FetchPolicy) {
    this.slots = new HostSlots(policy.perHost);
  }

  /** The body of `url` as text, following redirects; `url` in the result is where it was found. */
  async fetchText(url: string, expected: Expected): Promise<{ url: string; text: string }> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const target = new URL(current);
      if (target.protocol !== "http:" && target.protocol !== "https:") throw new PageError(url, "only http(s) URLs can be fetched");
      if (!(await this.robotsFor(target.origin)).allows(target.pathname + target.search)) {
        throw new PageError(current, "disallowed by robots.txt");
      }
      const response = await this.request(current);
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= this.policy.maxRedirects) throw new PageError(url, `more than ${this.policy.maxRedirects} redirects`);
        current = new URL(response.headers.get("location")!, current).href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new PageError(current, `HTTP ${response.status}`);
      }
      return { url: current, text: await this.readBody(current, response, expected) };
    }
  }

  /** One GET with the timeout and retries; redirects are returned, not followed. */
  private async request(url: string): Promise<Response> {
    const host = new URL(url).host;
    let lastProblem = "";
    for (let attempt = 0; attempt <= this.policy.retries; attempt++) {
      if (attempt > 0) await sleep(this.policy.retryDelayMs * attempt);
      try {
        const response = await this.slots.run(host, () => fetch(url, {
          redirect: "manual",
          headers: { "user-agent": this.policy.userAgent, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5" },
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        }));
        if (response.status !== 429 && response.status < 500) return response;
        await response.body?.cancel();
        lastProblem = `HTTP ${response.status}`;
      } catch (error) {
        const name = (error as Error).name;
        lastProblem = name === "TimeoutError" || name === "AbortError"
          ? `no answer within ${this.policy.timeoutMs} ms`
          : `cannot connect (${((error as Error & { cause?: { code?: string } }).cause?.code) ?? (error as Error).message})`;
      }
    }
    throw new PageError(url, `${lastProblem} (${this.policy.retries + 1} attempts)`);
  }

  private async readBody(url: string, response: Response, expected: Expected): Promise<string> {
    const contentType = response.headers.get("content-type") ?? "";
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    // sitemap.xml.gz is often served as a plain download
    const gzipped = isGzipType(type) || (expected === "xml" && /\.gz$/i.test(new URL(url).pathname) && type === "application/octet-stream");
    const acceptable = expected === "html" ? HTML_TYPES.includes(type) : isXmlType(type) || type === "text/plain" || gzipped;
    if (!acceptable) {
      await response.body?.cancel();
      throw new PageError(url, expected === "html" ? `not an HTML page (${type || "no content type"})` : `not a sitemap (${type || "no content type"})`);
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > this.policy.maxBytes) {
      await response.body?.cancel();
      throw new PageError(url, `larger than ${megabytes(this.policy.maxBytes)}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.policy.maxBytes) {
          await reader.cancel();
          throw new PageError(url, `larger than ${megabytes(this.policy.maxBytes)}`);
        }
        chunks.push(value);
      }
    }
    let bytes: Uint8Array = Buffer.concat(chunks);
    if (gzipped) {
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: this.policy.maxBytes });
      } catch {
        throw new PageError(url, `not a gzip file, or larger than ${megabytes(this.policy.maxBytes)} unpacked`);
      }
    }
    const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder("utf-8");
    }
    return decoder.decode(bytes);
  }

  /**
   * The robots.txt rules of an origin, read once. Missing (4xx): everything
   * is allowed. Unreachable or 5xx: nothing is, as RFC 9309 asks.
   */
  private robotsFor(origin: string): Promise<RobotsRules> {
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = (async () => {
        try {
          let url = `${origin}/robots.txt`;
          let response = await this.request(url);
          // RFC 9309: follow at least five redirects (often http to https, or to the www host)
          for (let hop = 0; hop < this.policy.maxRedirects && response.status >= 300 && response.status < 400 && response.headers.has("location"); hop++) {
            await response.body?.cancel();
            url = new URL(response.headers.get("location")!, url).href;
            response = await this.request(url);
          }
          if (!response.ok) {
            await response.body?.cancel();
            return ALLOW_ALL; // missing (4xx), or still redirecting: no rules
          }
          return parseRobots(await response.text(), this.policy.robotsToken);
        } catch (error) {
          this.robotsProblems.set(origin, error instanceof Error ? error.message : String(error));
          return DISALLOW_ALL;
        }
      })();
      this.robots.set(origin, rules);
    }
    return rules;
  }
}
