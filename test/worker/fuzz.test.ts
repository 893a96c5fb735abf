/**
 * Property-based fuzzing of the HTTP surface: arbitrary query strings,
 * methods, paths and headers. Only documented statuses and error codes may
 * come back, never a 500, and every request must finish.
 */
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

// Requests per property and run of the suite. Each run draws new inputs (fast-check's
// seed changes), so the runs add up over time. These were 7,000 and 3,500, then 3,000
// and 1,500, which still took 53 s of a suite that must stay well under ten minutes
// (a red-team pass sends ~20,000).
const QUERY_RUNS = 1500;
const SURFACE_RUNS = 750;

const DOCUMENTED: Record<number, string[] | null> = {
  200: null,
  204: null,
  304: null,
  400: ["missing_query", "query_too_long", "invalid_k", "invalid_mode", "invalid_category", "invalid_min_score"],
  404: ["not_found"],
  405: ["method_not_allowed"],
  429: ["rate_limited"],
  502: ["upstream_error", "upstream_bad_response"],
  503: ["no_index", "index_corrupt", "model_mismatch", "index_unavailable"],
  504: ["upstream_timeout"],
};

let upstreamBroken = false;

beforeEach(() => {
  // thousands of degraded answers would each log a warning
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

beforeAll(async () => {
  await resetIndex();
  await publish(
    [faq("1", "How do I reset my password?", { category: "Account" }), faq("2", "Where is my invoice?", { category: "Billing" })],
    [[1, 0, 0, 0], [0, 1, 0, 0]],
  );
});
async function check(response: Response, method: string) {
  const status = response.status;
  expect(Object.keys(DOCUMENTED).map(Number), `status ${status}`).toContain(status);
  const text = await response.text();
  if (method === "HEAD" || status === 204 || status === 304) return;
  // the demo page and the widget are the only answers that are not JSON
  if (status === 200 && !response.headers.get("content-type")?.startsWith("application/json")) {
    expect(response.headers.get("content-type")).toMatch(/^text\/(html|javascript)/);
    return;
  }
  const body = JSON.parse(text) as { error?: { code: string; message: string }; results?: unknown[] };
  if (status >= 400) {
    expect(DOCUMENTED[status]).toContain(body.error?.code);
    expect(typeof body.error?.message).toBe("string");
  } else if (body.results) {
    expect(body.results.length).toBeLessThanOrEqual(50);
  }
}

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(["\u007f", "\u0085", "\u2028", "\ufeff"]);
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }), // lone surrogates included
  fc.string({ unit: fc.constantFrom(...CONTROL), maxLength: 20 }),
  fc.constantFrom("😀👍🏽🇫🇷", "مرحبا كيف", "שלום", "\u202eevil\u202c", "0", "5", "50", "51", "-1", "1e3", "hybrid", "semantic", "lexical", "account", "0.5"),
  fc.nat({ max: 100_000 }).map((n) => "a".repeat(n)), // up to 100 kB
  fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|%%|[a-z+&=#?])*$/), // percent-encoding junk, kept raw
);
const param = fc.record({
  key: fc.constantFrom("q", "k", "mode", "category", "min_score", "x", "Q", "q[]"),
  value: text,
  raw: fc.boolean(),
});
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return value; // lone surrogates cannot be encoded: send them raw
  }
};
const queryString = fc.array(param, { maxLength: 6 }).map((params) =>
  params.map(({ key, value, raw }) => `${key}=${raw ? value : encode(value)}`).join("&"));

describe("fuzzing", () => {
  // Each property counts its own requests, so neither depends on the other having run.
  it("answers arbitrary GET /faq query strings with documented statuses only", async () => {
    mockEmbeddings(() => (upstreamBroken ? json([1, 0, 0]) : json([0.6, 0.8, 0, 0])));
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(queryString, fc.ipV4(), fc.boolean(), async (qs, ip, broken) => {
        upstreamBroken = broken;
        requests++;
        await check(await get(`/faq?${qs}`, { headers: { "CF-Connecting-IP": ip } }), "GET");
      }),
      { numRuns: QUERY_RUNS },
    );
    expect(requests).toBe(QUERY_RUNS);
  }, 600_000);

  it("answers arbitrary methods, paths and headers with documented statuses only", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    let requests = 0;
    const header = fc.tuple(fc.constantFrom("Origin", "If-None-Match", "Accept", "Content-Type", "Access-Control-Request-Method", "X-Forwarded-For"), fc.string({ unit: "grapheme-ascii", maxLength: 60 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
        fc.constantFrom("/faq", "/health", "/", "/widget.js", "/openapi.json", "/faq/", "/FAQ", "/nope", "/faq/extra", "//faq", "/%2e%2e/health"),
        queryString,
        fc.array(header, { maxLength: 4 }),
        fc.ipV4(),
        async (method, path, qs, headers, ip) => {
          const init: RequestInit = { method, headers: [...headers.filter(([, v]) => !/[\r\n]/.test(v)), ["CF-Connecting-IP", ip]] };
          if (!["GET", "HEAD"].includes(method)) init.body = "{}";
          requests++;
          await check(await get(`${path}?${qs}`, init), method);
        },
      ),
      { numRuns: SURFACE_RUNS },
    );
    expect(requests).toBe(SURFACE_RUNS);
  }, 600_000);
});
