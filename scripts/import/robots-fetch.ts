/**
 * Reads the robots.txt of one origin, as RFC 9309 (section 2.3) asks: its
 * redirects followed up to five hops, each on an allowed host; a 4xx means
 * no rules (everything allowed); a 5xx, a network error or a timeout, after
 * the usual retries, means nothing on that host may be fetched. At most
 * ROBOTS_MAX_BYTES are downloaded; rules past them are not read.
 */
import { hostRefused, type AllowedHosts } from "./allowed-hosts";
import { attemptsText, UnreachableError } from "./page-error";
import { redirectTarget } from "./page-url";
import type { Received, ReceiveOptions } from "./receive";
import { ALLOW_ALL, parseRobots, type RobotsRules } from "./robots";

/** 500 KiB, the least RFC 9309 (section 2.5) lets a crawler read. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** The rules, or why none could be had (the end of a failure line for each page of that origin). */
export type RobotsVerdict =
  | { rules: RobotsRules }
  | { refusal: string; code: "robots_unreachable" | "host_not_allowed" };

export interface RobotsFetchDeps {
  productToken: string;
  maxRedirects: number;
  allowedHosts: AllowedHosts;
  receive(url: string, options: ReceiveOptions): Promise<Received>;
}

const OFF_LIMITS = "so nothing on that host is fetched";

export async function fetchRobots(origin: string, deps: RobotsFetchDeps): Promise<RobotsVerdict> {
  let url = `${origin}/robots.txt`;
  for (let hop = 0; ; hop++) {
    let received: Received;
    try {
      received = await deps.receive(url, { limit: ROBOTS_MAX_BYTES, overLimit: "truncate" });
    } catch (error) {
      if (!(error instanceof UnreachableError)) throw error;
      return { refusal: `robots.txt unreachable (${error.brief} after ${attemptsText(error.attempts)}), ${OFF_LIMITS}`, code: "robots_unreachable" };
    }
    if (received.kind === "status") return { rules: ALLOW_ALL }; // unavailable (4xx): no rules
    if (received.kind === "body") return { rules: parseRobots(textOf(received.bytes, received.truncated), deps.productToken) };
    // RFC 9309 2.3.1.2: more than five redirects MAY be taken as unavailable
    if (hop >= deps.maxRedirects) return { rules: ALLOW_ALL };
    const next = redirectTarget(received.location, url);
    if (next === null) return { refusal: `robots.txt redirects to "${received.location}", which is not a URL, ${OFF_LIMITS}`, code: "robots_unreachable" };
    url = next;
    const host = new URL(url).host;
    if (!deps.allowedHosts.has(host)) return { refusal: `robots.txt redirects to ${url}, and ${hostRefused(host)}, ${OFF_LIMITS}`, code: "host_not_allowed" };
  }
}

/** robots.txt is UTF-8 (RFC 9309 2.3); a line the limit cut in two is dropped rather than read as a shorter rule. */
function textOf(bytes: Uint8Array, truncated: boolean): string {
  let end = bytes.length;
  if (truncated) {
    while (end > 0 && bytes[end - 1] !== 0x0a && bytes[end - 1] !== 0x0d) end -= 1;
  }
  return new TextDecoder("utf-8").decode(bytes.subarray(0, end));
}
