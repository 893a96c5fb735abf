import { describe, expect, it } from "vitest";
import { UpstreamError } from "../errors";
import { maxEmbeddingBytes } from "./capped-response";
import { createHfEmbedder, hfInferenceUrl } from "./hf-embedder";

type Answer = (call: number, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(answer: Answer) {
  const calls: Array<{ url: string; body: unknown; authorization: string | null }> = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    calls.push({ url: String(input), body: JSON.parse(String(init.body)), authorization: headers.get("authorization") });
    return answer(calls.length, init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return (error as UpstreamError).code;
  }
}

describe("createHfEmbedder", () => {
  it("posts to the pinned hf-inference route with the token, and nowhere else", async () => {
    const { fetch, calls } = fakeFetch(() => json([[3, 4], [0, 1]]));
    const embedder = createHfEmbedder({ model: "org/m", accessToken: "hf_abc", dim: 2, fetch });
    const vectors = await embedder.embed(["a", "b"]);
    expect(vectors.map((v) => Array.from(v))).toEqual([[0.6, 0.8].map(Math.fround), [0, 1]]);
    expect(calls).toEqual([{ url: hfInferenceUrl("org/m"), body: { inputs: ["a", "b"] }, authorization: "Bearer hf_abc" }]);
    expect(hfInferenceUrl("org/m")).toBe("https://router.huggingface.co/hf-inference/models/org/m/pipeline/feature-extraction");
  });

  it("uses a dedicated endpoint when given one, sending a single input as a string", async () => {
    const { fetch, calls } = fakeFetch(() => json([1, 0]));
    await createHfEmbedder({ model: "org/m", endpointUrl: "http://127.0.0.1:9/embed", dim: 2, fetch }).embed(["only"]);
    expect(calls[0]).toEqual({ url: "http://127.0.0.1:9/embed", body: { inputs: "only" }, authorization: null });
  });

  it("waits as Retry-After says on a 429, then succeeds", async () => {
    const waits: number[] = [];
    const { fetch, calls } = fakeFetch((call) => (call === 1 ? json({ error: "slow down" }, 429, { "retry-after": "1" }) : json([1, 0])));
    const embedder = createHfEmbedder({ model: "m", dim: 2, fetch, timeoutMs: 5000, sleep: async (ms) => void waits.push(ms) });
    await embedder.embed(["x"]);
    expect(waits).toEqual([1000]);
    expect(calls).toHaveLength(2);
  });

  it("stops after maxRetries", async () => {
    const waits: number[] = [];
    const { fetch, calls } = fakeFetch(() => json({ error: "down" }, 502));
    const embedder = createHfEmbedder({ model: "m", dim: 2, fetch, maxRetries: 3, baseDelayMs: 10, sleep: async (ms) => void waits.push(ms) });
    expect(await codeOf(embedder.embed(["x"]))).toBe("upstream_error");
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it("never waits past its budget", async () => {
    const { fetch, calls } = fakeFetch(() => json({ error: "loading", estimated_time: 10 }, 503));
    const embedder = createHfEmbedder({ model: "m", dim: 2, fetch, timeoutMs: 1000, sleep: async () => {} });
    expect(await codeOf(embedder.embed(["x"]))).toBe("upstream_timeout");
    expect(calls).toHaveLength(1);
  });

  it("aborts a hanging request at the deadline", async () => {
    const { fetch } = fakeFetch((_call, init) => new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason))));
    // Settling at all proves the abort: the fake never answers on its own.
    expect(await codeOf(createHfEmbedder({ model: "m", dim: 2, fetch, timeoutMs: 150 }).embed(["x"]))).toBe("upstream_timeout");
  });

  it("reports an unusable answer as upstream_bad_response without retrying", async () => {
    const { fetch, calls } = fakeFetch(() => json([1, 0, 0]));
    expect(await codeOf(createHfEmbedder({ model: "m", dim: 2, fetch }).embed(["x"]))).toBe("upstream_bad_response");
    expect(calls).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", '[[0.1, 0.2,'],
    ["NaN, as a Python server writes it", "[NaN, 0.5]"],
    ["a string", '"not a vector"'],
    ["an object", '{"embeddings": [1, 0]}'],
  ])("reports %s on a 200 as upstream_bad_response, without retrying", async (_name, body) => {
    const { fetch, calls } = fakeFetch(() => new Response(body, { status: 200, headers: { "content-type": "application/json" } }));
    expect(await codeOf(createHfEmbedder({ model: "m", dim: 2, fetch }).embed(["x"]))).toBe("upstream_bad_response");
    expect(calls).toHaveLength(1);
  });

  it("stops reading an answer larger than an embedding of the asked size can be, and reports upstream_bad_response", async () => {
    const limit = maxEmbeddingBytes(1, 2);
    // streamed without a length: a 20 MB array of numbers, of which at most limit bytes are read
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new TextEncoder().encode(sent === 0 ? "[" + "0.5,".repeat(16_383) : "0.5,".repeat(16_384));
        sent += chunk.byteLength;
        if (sent > 20_000_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = fakeFetch(() => new Response(endless, { status: 200, headers: { "content-type": "application/json" } }));
    const error = await createHfEmbedder({ model: "m", dim: 2, fetch: streamed.fetch }).embed(["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: "upstream_bad_response", message: `The embedding service answered with unusable data: the answer is larger than ${limit} bytes.` });
    expect(sent).toBeLessThan(limit + 200_000);
    expect(streamed.calls).toHaveLength(1);
    // declared too long: refused before reading
    const declared = fakeFetch(() => new Response("[0.5, 0.5]", { status: 200, headers: { "content-type": "application/json", "content-length": String(limit + 1) } }));
    expect(await codeOf(createHfEmbedder({ model: "m", dim: 2, fetch: declared.fetch }).embed(["x"]))).toBe("upstream_bad_response");
    // a token-level answer (mean-pooled) of 256 tokens is still read
    const tokens = fakeFetch(() => json([Array.from({ length: 256 }, () => [0.123456789012345, -0.98765432109876])]));
    expect(Array.from((await createHfEmbedder({ model: "m", dim: 2, fetch: tokens.fetch }).embed(["x"]))[0]!)).toEqual([0.123456789012345, -0.98765432109876].map((v) => v / Math.hypot(0.123456789012345, 0.98765432109876)).map(Math.fround));
  });

  it("still retries when the network fails before any answer", async () => {
    const { fetch, calls } = fakeFetch((call) => (call === 1 ? Promise.reject(new TypeError("fetch failed")) : json([1, 0])));
    const vectors = await createHfEmbedder({ model: "m", dim: 2, fetch, sleep: async () => {} }).embed(["x"]);
    expect(Array.from(vectors[0]!)).toEqual([1, 0]);
    expect(calls).toHaveLength(2);
  });

  it("keeps the token out of its error messages", async () => {
    const { fetch } = fakeFetch(() => json({ error: "invalid token hf_secret" }, 401));
    const embedder = createHfEmbedder({ model: "m", accessToken: "hf_secret", dim: 2, fetch });
    await expect(embedder.embed(["x"])).rejects.toSatisfy((error: Error) => !error.message.includes("hf_secret"));
  });
});
