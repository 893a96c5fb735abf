import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { TOKEN, faq, get as getFresh, hang, json, mockEmbeddings, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "one"), faq("2", "two")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
  await getFresh("/health"); // the isolate now serves this index, whatever its recheck interval
});

// With a real recheck interval, so a full answer would be publicly cacheable for 60 s:
// errors and degraded answers must not be.
const get = (path: string, init?: RequestInit) => app.request(path, init, { ...env, INDEX_RECHECK_SECONDS: "60" });

// Every test asks something new: answers are cached, and a cached question never reaches upstream.
let asked = 0;
const freshQuery = (mode = "semantic") => `/faq?mode=${mode}&q=${encodeURIComponent(`one, take ${++asked}`)}`;

/** An error or degraded answer: not cacheable, and nothing a client could revalidate with. */
function expectUncacheable(response: Response) {
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("etag")).toBeNull();
}

// Asked in semantic mode, a failure is an error; hybrid answers degrade instead (below).
async function expectError(status: number, code: string) {
  const path = freshQuery();
  const response = await get(path);
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(JSON.parse(text)).toEqual({ error: { code, message: expect.any(String) } });
  expect(text).not.toContain(TOKEN);
  expect(text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  expect(response.headers.get("retry-after")).toBe("5");
  expectUncacheable(response);
  // The same settings do let caches keep a full answer: no-store above is the error's doing.
  const full = await get("/faq?mode=lexical&q=one");
  expect(full.headers.get("cache-control")).toBe("public, max-age=60");
  return response;
}

describe("upstream faults", () => {
  it("retries a 503 'loading' answer and then succeeds", async () => {
    const calls = mockEmbeddings((_inputs, call) =>
      call === 1 ? json({ error: "Model is loading", estimated_time: 0.05 }, 503) : json([1, 0, 0, 0]),
    );
    const response = await get(freshQuery());
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("gives up after the configured retries with 502 upstream_error", async () => {
    const calls = mockEmbeddings(() => json({ error: "boom" }, 500));
    await expectError(502, "upstream_error");
    expect(calls).toHaveLength(3); // first attempt + EMBED_MAX_RETRIES (2)
  });

  it("does not retry a 400", async () => {
    const calls = mockEmbeddings(() => json({ error: "bad input" }, 400));
    await expectError(502, "upstream_error");
    expect(calls).toHaveLength(1);
  });

  it("answers 504 upstream_timeout when the endpoint hangs past the budget", async () => {
    mockEmbeddings((_inputs, _call, signal) => hang(signal));
    await expectError(504, "upstream_timeout");
  });

  it("answers 504 when the model needs longer to load than the budget", async () => {
    const calls = mockEmbeddings(() => json({ error: "Model is loading", estimated_time: 20 }, 503));
    await expectError(504, "upstream_timeout");
    expect(calls).toHaveLength(1);
  });

  it("rejects an embedding of the wrong dimension with 502 upstream_bad_response", async () => {
    mockEmbeddings(() => json([1, 0, 0]));
    await expectError(502, "upstream_bad_response");
  });

  it("rejects an all-zero embedding", async () => {
    mockEmbeddings(() => json([0, 0, 0, 0]));
    await expectError(502, "upstream_bad_response");
  });

  it("rejects an answer that is not a vector", async () => {
    mockEmbeddings(() => json({ embeddings: "nope" }));
    await expectError(502, "upstream_bad_response");
  });

  it.each([
    ["malformed JSON", "[[0.1, 0.2,"],
    ["NaN", "[NaN, 0, 0, 1]"],
    ["a token-level answer of ragged rows", "[[[1, 0, 0, 0], [1, 0]]]"],
  ])("answers %s with 502 upstream_bad_response after one call", async (_name, body) => {
    const calls = mockEmbeddings(() => new Response(body, { headers: { "content-type": "application/json" } }));
    await expectError(502, "upstream_bad_response");
    expect(calls).toHaveLength(1);
  });
});

describe("degraded answers", () => {
  it("answers from the lexical index, flagged, when embedding fails in hybrid mode", async () => {
    const calls = mockEmbeddings(() => json({ error: "boom" }, 500));
    const response = await get(freshQuery("hybrid"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { mode: string; degraded: boolean; results: Array<{ id: string; scores: { semantic: number | null; lexical: number } }> };
    expect(body.mode).toBe("hybrid");
    expect(body.degraded).toBe(true);
    expect(body.results.map((r) => r.id)).toEqual(["1"]);
    expect(body.results[0]!.scores).toEqual({ semantic: null, lexical: 1 });
    expectUncacheable(response);
    expect(response.headers.get("server-timing")).not.toContain("degraded");
    expect(calls).toHaveLength(3);
  });

  it("says degraded: false when all went well, and lets caches keep that answer", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const path = freshQuery("hybrid");
    const response = await get(path);
    const body = (await response.json()) as { degraded: boolean };
    expect(body.degraded).toBe(false);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = response.headers.get("etag")!;
    expect((await get(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("never answers 304 to an ETag when the answer would be degraded", async () => {
    // a client that cached a degraded answer has no ETag to send; one it invents does not match either
    mockEmbeddings(() => json({ error: "boom" }, 500));
    const response = await get(freshQuery("hybrid"), { headers: { "If-None-Match": 'W/"made-up"' } });
    expect(response.status).toBe(200);
    expectUncacheable(response);
  });
});
