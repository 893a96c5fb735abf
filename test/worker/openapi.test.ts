import { beforeAll, describe, expect, it } from "vitest";
import { UnansweredQuerySchema } from "../../src/api/admin-query";
import { FaqQuerySchema } from "../../src/api/faq-query";
import type * as z from "zod/mini";
import { env } from "cloudflare:workers";
import { app } from "../../src/app";
import { CollectionsResponseSchema, DraftListSchema, DraftSchema, StatsResponseSchema, ErrorResponseSchema, FaqResponseSchema, FeedbackListSchema, HealthResponseSchema, UnansweredResponseSchema } from "../../src/api/response-schemas";
import { faq, get, json, mockEmbeddings, publish, resetIndex } from "./helpers";

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "reset my password", { category: "Account" }), faq("2", "find invoices")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

type Operation = { parameters?: Array<{ name: string; in: string; required?: boolean }>; responses: Record<string, unknown> };

describe("GET /openapi.json", () => {
  it("describes every route in OpenAPI 3.1, with the query parameters the validator checks", async () => {
    const response = await get("/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, { get: Operation }> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/admin/collections", "/admin/drafts", "/admin/drafts/{id}", "/admin/feedback", "/admin/groups/{key}/done", "/admin/stats", "/admin/unanswered", "/faq", "/feedback", "/health", "/openapi.json", "/widget.js"]);
    const faqOp = doc.paths["/faq"]!.get;
    expect(faqOp.parameters!.map((p) => [p.name, p.in, p.required ?? false])).toEqual(
      Object.keys(FaqQuerySchema.shape).map((name) => [name, "query", name === "q"]),
    );
    expect(Object.keys(faqOp.responses).sort()).toEqual(["200", "304", "400", "403", "404", "405", "429", "502", "503", "504"]);
    const unanswered = (doc.paths["/admin/unanswered"] as unknown as { get: Operation & { security: unknown } }).get;
    expect(unanswered.parameters!.map((p) => p.name)).toEqual(Object.keys(UnansweredQuerySchema.shape));
    expect(unanswered.security).toEqual([{ adminToken: [] }]);
    // marking a group done takes the period its listing was made for
    const done = (doc.paths["/admin/groups/{key}/done"] as unknown as { post: Operation }).post;
    expect(done.parameters!.map((p) => [p.name, p.in])).toEqual([["key", "path"], ["since", "query"], ["until", "query"], ["collection", "query"]]);
    const feedback = (doc.paths["/feedback"] as unknown as { post: Operation & { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }).post;
    expect(feedback.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/Feedback");
    expect(Object.keys(feedback.responses).sort()).toEqual(["204", "400", "403", "404", "413", "415", "429"]);
  });

  /** Asserts the status, then that the body fits the schema exactly (strict: an unknown field fails). */
  async function expectConforms(path: string, status: number, schema: z.ZodMiniType) {
    const response = await get(path);
    expect(response.status, path).toBe(status);
    const parsed = schema.safeParse(await response.json());
    expect(parsed.error?.issues ?? [], path).toEqual([]);
    expect(parsed.success).toBe(true);
  }

  it("matches what the API really answers", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    await expectConforms("/faq?q=reset%20password", 200, FaqResponseSchema);
    await expectConforms("/faq?q=reset&mode=lexical&category=account", 200, FaqResponseSchema);
    await expectConforms("/health", 200, HealthResponseSchema);
    await expectConforms("/faq?k=9", 400, ErrorResponseSchema);
    await expectConforms("/nope", 404, ErrorResponseSchema);
    const admin = { headers: { Authorization: "Bearer openapi-admin-token-0123456789abcd" } };
    const adminEnv = { ...env, ADMIN_TOKEN: "openapi-admin-token-0123456789abcd" };
    const db = env.FAQ_DB!;
    await db.batch([
      db.prepare("INSERT OR REPLACE INTO unanswered_questions (question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, degraded) VALUES ('q', 'q?', 2, 1, 2, '1', 0.5, 0)"),
      db.prepare("INSERT INTO feedback (query, faq_id, helpful, at) VALUES ('reset', '1', 1, 3)"),
    ]);
    const draft = await app.request("/admin/drafts", { method: "POST", headers: { ...admin.headers, "Content-Type": "application/json" }, body: JSON.stringify({ question: "q?", answer: "a." }) }, adminEnv);
    expect(DraftSchema.safeParse(await draft.json()).error?.issues ?? []).toEqual([]);
    const shapes = [["/admin/unanswered", UnansweredResponseSchema, /"question":"reset my password"/], ["/admin/feedback", FeedbackListSchema, /"question":"reset my password"/],
      ["/admin/collections", CollectionsResponseSchema, /"name":"default"/], ["/admin/stats?since=1970-01-01&until=1970-01-30", StatsResponseSchema, /"question":"reset my password"/], ["/admin/drafts", DraftListSchema, /"question":"q\?"/]] as const;
    for (const [path, schema, expected] of shapes) {
      const response = await app.request(path, admin, adminEnv);
      expect(response.status, path).toBe(200);
      const body = await response.json();
      expect(JSON.stringify(body), path).toMatch(expected);
      const parsed = schema.safeParse(body);
      expect(parsed.error?.issues ?? [], path).toEqual([]);
    }
  });

  it("has strict schemas: an answer with an unknown field does not conform", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    const body = (await (await get("/faq?q=reset%20password")).json()) as Record<string, unknown> & { results: Array<Record<string, unknown>> };
    expect(FaqResponseSchema.safeParse(body).success).toBe(true);
    expect(FaqResponseSchema.safeParse({ ...body, extra: 1 }).success).toBe(false);
    expect(FaqResponseSchema.safeParse({ ...body, results: [{ ...body.results[0], extra: 1 }] }).success).toBe(false);
    expect(ErrorResponseSchema.safeParse({ error: { code: "x", message: "y", stack: "z" } }).success).toBe(false);
    const doc = (await (await get("/openapi.json")).json()) as { components: { schemas: Record<string, { additionalProperties?: boolean }> } };
    expect(doc.components.schemas.FaqResponse!.additionalProperties).toBe(false);
  });
});
