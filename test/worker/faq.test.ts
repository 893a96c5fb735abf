import { beforeEach, describe, expect, it } from "vitest";
import { TOKEN, faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

const RECORDS = [
  faq("a", "alpha", { answer: "first letter", url: "https://help.test/a", category: "Letters" }),
  faq("b", "beta"),
  faq("c", "gamma"),
  faq("d", "delta"),
];
// Unit vectors chosen so a query of [1,0,0,0] scores 1, 0.8, 0, 0.
const VECTORS = [
  [1, 0, 0, 0],
  [0.8, 0.6, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
];

beforeEach(async () => {
  await resetIndex();
  await publish(RECORDS, VECTORS);
});

describe("GET /faq", () => {
  it("ranks by cosine similarity, ties by id, with every field present", async () => {
    const calls = mockEmbeddings(() => json([2, 0, 0, 0]));
    const response = await get("/faq?q=%20first%20letter%20");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; model: string; answered: boolean; results: Array<Record<string, unknown>> };
    expect(body.query).toBe("first letter");
    expect(body.model).toBe("test/tiny-model");
    expect(body.answered).toBe(true);
    expect(body.results.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(body.results[0]).toEqual({ id: "a", question: "alpha", answer: "first letter", url: "https://help.test/a", category: "Letters", score: 1 });
    expect(body.results[1]!.score).toBeCloseTo(0.8, 6);
    expect(body.results[1]).toMatchObject({ answer: null, url: null, category: null });
    expect(body.results[2]!.score).toBe(0);
    expect(calls).toEqual([{ inputs: "first letter", authorization: `Bearer ${TOKEN}` }]);
    expect(response.headers.get("server-timing")).toMatch(/embed;dur=[\d.]+.*search;dur=[\d.]+/);
  });

  it("returns k results, default 5", async () => {
    mockEmbeddings(() => json([0, 1, 0, 0]));
    const two = (await (await get("/faq?q=beta&k=2")).json()) as { results: Array<{ id: string }> };
    expect(two.results.map((r) => r.id)).toEqual(["d", "b"]);
    const all = (await (await get("/faq?q=beta")).json()) as { results: Array<{ id: string }> };
    expect(all.results.map((r) => r.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("mean-pools a token-level answer before ranking", async () => {
    mockEmbeddings(() => json([[[0, 0, 1, 0], [0, 0, 0.5, 0]]]));
    const body = (await (await get("/faq?q=gamma")).json()) as { results: Array<{ id: string; score: number }> };
    expect(body.results[0]).toMatchObject({ id: "c", score: 1 });
  });

  it.each([
    ["/faq", "missing_query"],
    ["/faq?q=", "missing_query"],
    ["/faq?q=%20%20%09", "missing_query"],
    [`/faq?q=${"x".repeat(501)}`, "query_too_long"],
    ["/faq?q=hi&k=0", "invalid_k"],
    ["/faq?q=hi&k=51", "invalid_k"],
    ["/faq?q=hi&k=1.5", "invalid_k"],
    ["/faq?q=hi&k=-1", "invalid_k"],
    ["/faq?q=hi&k=abc", "invalid_k"],
    ["/faq?q=hi&k=", "invalid_k"],
  ])("%s answers 400 %s without calling upstream", async (path, code) => {
    const calls = mockEmbeddings(() => json([1, 0, 0, 0]));
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(calls).toHaveLength(0);
  });

  it("counts the length limit in characters, not UTF-16 units", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const response = await get(`/faq?q=${encodeURIComponent("😀".repeat(500))}`);
    expect(response.status).toBe(200);
  });
});

describe("routing", () => {
  it("answers other methods with 405 and Allow", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await get("/faq?q=x", { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
    }
  });

  it("answers unknown paths with a JSON 404", async () => {
    const response = await get("/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such path." } });
  });

  it("allows any origin by default and answers preflight", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const simple = await get("/faq?q=a", { headers: { Origin: "https://site.example" } });
    expect(simple.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await get("/faq", {
      method: "OPTIONS",
      headers: { Origin: "https://site.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
  });
});
