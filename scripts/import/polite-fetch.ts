import { gunzipSync } from "node:zlib";
import { hostRefused, type AllowedHosts } from "./allowed-hosts";
import { HostSlots } from "./host-slots";
import { PageError } from "./page-error";
import { redirectTarget } from "./page-url";
import { receive, type Received, type ReceiveOptions, type ReceivePolicy } from "./receive";
import { fetchRobots, type RobotsVerdict } from "./robots-fetch";

export interface FetchPolicy extends ReceivePolicy {
  /** The product token robots.txt groups are matched against. */
  robotsToken: string;
  maxRedirects: number;
  maxBytes: number;
  /** Requests in flight at once to one host. */
  perHost: number;
}

export type Expected = "html" | "xml";

const HTML_TYPES = ["text/html", "application/xhtml+xml"];
const isXmlType = (type: string) => type === "application/xml" || type === "text/xml" || type.endsWith("+xml");
const isGzipType = (type: string) => type === "application/gzip" || type === "application/x-gzip";
const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();
const megabytes = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;

/**
 * Fetches pages the way a polite crawler does: its own User-Agent, robots.txt
 * obeyed (read once per origin), a few requests at a time per host, a
 * timeout over headers and body with bounded retries, a limit on redirects
 * and on size, only the content types asked for, and only on the allowed
 * hosts, checked at every hop. Every failure is a PageError naming the URL.
 */
export class PoliteFetcher {
  private readonly slots: HostSlots;
  private readonly robots = new Map<string, Promise<RobotsVerdict>>();

  constructor(private readonly policy: FetchPolicy, readonly allowedHosts: AllowedHosts) {
    this.slots = new HostSlots(policy.perHost);
  }

  /** The body of `url` as text, following redirects; `url` in the result is where it was found. */
  async fetchText(url: string, expected: Expected): Promise<{ url: string; text: string }> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const target = new URL(current);
      if (target.protocol !== "http:" && target.protocol !== "https:") throw new PageError(url, "not_http", "only http(s) URLs can be fetched");
      if (!this.allowedHosts.has(target.host)) {
        throw new PageError(url, "host_not_allowed", hop === 0 ? hostRefused(target.host) : `redirects to ${current}, and ${hostRefused(target.host)}`);
      }
      const robots = await this.robotsFor(target.origin);
      if ("refusal" in robots) throw new PageError(current, robots.code, robots.refusal);
      if (!robots.rules.allows(target.pathname + target.search)) throw new PageError(current, "robots_disallowed", "disallowed by robots.txt");
      const received = await this.get(current, {
        refuse: (contentType) => refusal(mediaType(contentType), expected, target),
        limit: this.policy.maxBytes,
        overLimit: "fail",
        tooLarge: `larger than ${megabytes(this.policy.maxBytes)}`,
      });
      if (received.kind === "redirect") {
        if (hop >= this.policy.maxRedirects) throw new PageError(url, "too_many_redirects", `more than ${this.policy.maxRedirects} redirects`);
        const next = redirectTarget(received.location, current);
        if (next === null) throw new PageError(url, "bad_redirect", `redirects to "${received.location}", which is not a URL`);
        current = next;
        continue;
      }
      if (received.kind === "status") throw new PageError(current, "http_status", `HTTP ${received.status}`);
      return { url: current, text: this.decode(current, received, expected, target) };
    }
  }

  private get(url: string, options: ReceiveOptions): Promise<Received> {
    return receive(url, this.policy, this.slots, options);
  }

  private decode(url: string, received: Received & { kind: "body" }, expected: Expected, target: URL): string {
    let bytes = received.bytes;
    if (isGzipped(mediaType(received.contentType), expected, target)) {
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: this.policy.maxBytes });
      } catch (error) {
        if (error instanceof RangeError) throw new PageError(url, "too_large", `larger than ${megabytes(this.policy.maxBytes)} unpacked`);
        throw new PageError(url, "wrong_type", "not a gzip file");
      }
    }
    const charset = /charset=["']?([\w-]+)/i.exec(received.contentType)?.[1] ?? "utf-8";
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder("utf-8");
    }
    return decoder.decode(bytes);
  }

  /** The robots.txt verdict for an origin, asked for once. */
  private robotsFor(origin: string): Promise<RobotsVerdict> {
    let verdict = this.robots.get(origin);
    if (!verdict) {
      verdict = fetchRobots(origin, {
        productToken: this.policy.robotsToken,
        maxRedirects: this.policy.maxRedirects,
        allowedHosts: this.allowedHosts,
        receive: (url, options) => this.get(url, options),
      });
      this.robots.set(origin, verdict);
    }
    return verdict;
  }
}

/** sitemap.xml.gz is often served as a plain download. */
const isGzipped = (type: string, expected: Expected, target: URL) =>
  isGzipType(type) || (expected === "xml" && /\.gz$/i.test(target.pathname) && type === "application/octet-stream");

function refusal(type: string, expected: Expected, target: URL): string | null {
  if (expected === "html") return HTML_TYPES.includes(type) ? null : `not an HTML page (${type || "no content type"})`;
  return isXmlType(type) || type === "text/plain" || isGzipped(type, expected, target) ? null : `not a sitemap (${type || "no content type"})`;
}
