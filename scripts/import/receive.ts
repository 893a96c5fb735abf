/**
 * One GET, retried: the timeout of each attempt covers the headers and the
 * whole body, and a body that stalls or is cut short is retried like a
 * request that got no answer. What cannot get better by asking again (a 4xx,
 * the wrong content type, too large) is answered at once.
 */
import type { HostSlots } from "./host-slots";
import { PageError, UnreachableError } from "./page-error";

export interface ReceivePolicy {
  userAgent: string;
  /** For one attempt, headers and body together. */
  timeoutMs: number;
  /** Retries after a network error, a timeout, a cut body, a 429 or a 5xx. */
  retries: number;
  /** The wait before retry n is n times this. */
  retryDelayMs: number;
}

export interface ReceiveOptions {
  /** Why a body of this content type is not wanted, or null to read it. */
  refuse?: (contentType: string) => string | null;
  /** Bytes read at most. */
  limit: number;
  /** "fail": a larger body is an error (its message is `tooLarge`). "truncate": keep the first `limit` bytes and stop downloading. */
  overLimit: "fail" | "truncate";
  tooLarge?: string;
}

export type Received =
  | { kind: "redirect"; location: string }
  | { kind: "status"; status: number }
  | { kind: "body"; contentType: string; bytes: Uint8Array; truncated: boolean };

type Problem = { problem: string; brief: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isTimeout = (error: unknown) => error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
const errorCode = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

/** GETs `url` (redirects are answered, not followed), at most `policy.retries + 1` times; throws a PageError. */
export async function receive(url: string, policy: ReceivePolicy, slots: HostSlots, options: ReceiveOptions): Promise<Received> {
  const host = new URL(url).host;
  let last: Problem = { problem: "not tried", brief: "not tried" };
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) await sleep(policy.retryDelayMs * attempt);
    const outcome = await slots.run(host, () => attemptOnce(url, policy, options));
    if (!("problem" in outcome)) return outcome;
    last = outcome;
  }
  throw new UnreachableError(url, last.problem, last.brief, policy.retries + 1);
}

async function attemptOnce(url: string, policy: ReceivePolicy, options: ReceiveOptions): Promise<Received | Problem> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: "manual",
      headers: { "user-agent": policy.userAgent, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5" },
      signal,
    });
  } catch (error) {
    if (isTimeout(error)) return { problem: `no answer within ${policy.timeoutMs} ms`, brief: `no answer within ${policy.timeoutMs} ms` };
    const code = errorCode(error);
    return { problem: `cannot connect (${code})`, brief: code };
  }
  const status = response.status;
  if (!response.ok) await response.body?.cancel().catch(() => {}); // a redirect's or an error's body is not wanted
  if (status === 429 || status >= 500) return { problem: `HTTP ${status}`, brief: `HTTP ${status}` };
  if (status >= 300 && status < 400 && response.headers.has("location")) return { kind: "redirect", location: response.headers.get("location")! };
  if (!response.ok) return { kind: "status", status };

  const contentType = response.headers.get("content-type") ?? "";
  const refusal = options.refuse?.(contentType);
  const declared = Number(response.headers.get("content-length") ?? "");
  const tooLarge = options.overLimit === "fail" && declared > options.limit;
  if (refusal || tooLarge) {
    await response.body?.cancel().catch(() => {});
    throw new PageError(url, refusal ? "wrong_type" : "too_large", refusal || options.tooLarge || `larger than ${options.limit} bytes`);
  }
  return readBody(url, response, contentType, declared, policy, options);
}

/** The body, counted as it arrives: the limit holds even without a Content-Length, and a stall or a cut is a Problem. */
async function readBody(url: string, response: Response, contentType: string, declared: number, policy: ReceivePolicy, options: ReceiveOptions): Promise<Received | Problem> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > options.limit) {
        await reader.cancel().catch(() => {});
        if (options.overLimit === "fail") throw new PageError(url, "too_large", options.tooLarge ?? `larger than ${options.limit} bytes`);
        chunks.push(value.subarray(0, options.limit - size));
        size = options.limit;
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    if (error instanceof PageError) throw error;
    if (isTimeout(error)) return { problem: `body not complete within ${policy.timeoutMs} ms`, brief: `body not complete within ${policy.timeoutMs} ms` };
    const of = declared > 0 ? ` of ${declared}` : "";
    const how = (error as Error).message === "terminated" ? "connection closed" : `body not read (${errorCode(error)})`;
    return { problem: `${how} after ${size}${of} bytes`, brief: `${how} after ${size}${of} bytes` };
  }
  return { kind: "body", contentType, bytes: Buffer.concat(chunks), truncated };
}
