import { env, exports } from "cloudflare:workers";
import { afterEach, expect, vi } from "vitest";
import type { FaqRecord } from "../../src/faq-record";
import type { AnswerCalibration } from "../../src/search/answer-model";
import { buildIndex } from "../../src/index-blob/build-index";
import { POINTER_KEY, chunkKey, collectionKeys, pointerFor, splitBlob, type IndexPointer } from "../../src/index-store/keys";
import { xxh64Module } from "../../src/index-store/wasm/xxh64-module";

export const ENDPOINT = env.HF_ENDPOINT_URL!;
export const TOKEN = env.HF_TOKEN!;
export const MODEL = env.EMBED_MODEL!;

export const faq = (id: string, question: string, extra: Partial<FaqRecord> = {}): FaqRecord => ({
  id, question, answer: null, url: null, category: null, ...extra,
});

/** Builds a blob and writes its chunks under its version; returns the pointer without flipping it. */
export async function storeBlob(records: FaqRecord[], vectors: number[][], model = MODEL, dim = 4, answerThreshold: number | null = null, groupThreshold: number | null = null, answer: AnswerCalibration | null = null) {
  const builtAt = "2026-01-02T03:04:05.000Z";
  const { blob, version } = await buildIndex({ model, builtAt, dim, records, vectors, answerThreshold, groupThreshold, answer });
  for (const [i, chunk] of splitBlob(blob).entries()) await env.FAQ_KV.put(chunkKey(version, i), chunk);
  const pointer: IndexPointer = pointerFor(blob, { version, model, dim, count: records.length, builtAt }, xxh64Module);
  return { blob, version, pointer };
}

/** Builds a blob and publishes it to a named collection (its own chunks, pointer and history). */
export async function publishTo(collection: string, records: FaqRecord[], vectors: number[][], options: { model?: string; dim?: number; allowedOrigins?: string[] | null; answer?: AnswerCalibration | null } = {}) {
  const model = options.model ?? MODEL;
  const dim = options.dim ?? 4;
  const builtAt = "2026-01-02T03:04:05.000Z";
  const { blob, version } = await buildIndex({ model, builtAt, dim, records, vectors, allowedOrigins: options.allowedOrigins ?? null, answer: options.answer ?? null });
  const keys = collectionKeys(collection);
  for (const [i, chunk] of splitBlob(blob).entries()) await env.FAQ_KV.put(keys.chunk(version, i), chunk);
  const pointer = pointerFor(blob, { version, model, dim, count: records.length, builtAt }, xxh64Module);
  await env.FAQ_KV.put(keys.pointer, JSON.stringify(pointer));
  return { blob, version, pointer };
}

export const flipPointer = (pointer: IndexPointer | string) =>
  env.FAQ_KV.put(POINTER_KEY, typeof pointer === "string" ? pointer : JSON.stringify(pointer));

export async function publish(records: FaqRecord[], vectors: number[][], model = MODEL, dim = 4, answerThreshold: number | null = null, groupThreshold: number | null = null, answer: AnswerCalibration | null = null) {
  const stored = await storeBlob(records, vectors, model, dim, answerThreshold, groupThreshold, answer);
  await flipPointer(stored.pointer);
  return stored;
}

/** Empties KV and lets the isolate's cache see that there is no index. */
export async function resetIndex(): Promise<void> {
  const { keys } = await env.FAQ_KV.list();
  await Promise.all(keys.map((key) => env.FAQ_KV.delete(key.name)));
  await get("/health");
}

export const get = (path: string, init?: RequestInit) => exports.default.fetch(`https://faq.test${path}`, init);

export interface UpstreamCall {
  inputs: unknown;
  authorization: string | null;
}

/**
 * Replaces fetch for the Worker: the embedding endpoint is answered by
 * `answer`, and any other outbound request fails the test.
 */
const unexpected: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  const seen = unexpected.splice(0);
  expect(seen, "unexpected outbound requests").toEqual([]);
});

export function mockEmbeddings(answer: (inputs: unknown, call: number, signal: AbortSignal) => Response | Promise<Response>) {
  const calls: UpstreamCall[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== ENDPOINT || request.method !== "POST") {
      unexpected.push(`${request.method} ${request.url}`);
      throw new Error("unexpected outbound request");
    }
    const body = (await request.json()) as { inputs: unknown };
    calls.push({ inputs: body.inputs, authorization: request.headers.get("authorization") });
    return answer(body.inputs, calls.length, request.signal);
  });
  return calls;
}

/** An endpoint that never answers; like a real socket, it gives up when the caller aborts. */
export const hang = (signal: AbortSignal) =>
  new Promise<Response>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
