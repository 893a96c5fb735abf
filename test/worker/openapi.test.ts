import { beforeAll, describe, expect, it } from "vitest";
import { FaqQuerySchema } from "../../src/api/faq-query";
import { ErrorResponseSchema, FaqResponseSchema, HealthResponseSchema } from "../../src/api/response-schemas";
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
    expect(Object.keys(doc.paths).sort()).toEqual(["/faq", "/health", "/openapi.json", "/widget.js"]);
    const faqOp = doc.paths["/faq"]!.get;
    expect(faqOp.parameters!.map((p) => [p.name, p.in, p.required ?? false])).toEqual(
      Object.keys(FaqQuerySchema.shape).map((name) => [name, "query", name === "q"]),
    );
    expect(Object.keys(faqOp.responses).sort()).toEqual(["200", "304", "400", "405", "429", "502", "503", "504"]);
  });

  it("matches what the API really answers", async () => {
    mockEmbeddings(() => json([1, 0, 0, 0]));
    FaqResponseSchema.parse(await (await get("/faq?q=reset%20password")).json());
    FaqResponseSchema.parse(await (await get("/faq?q=reset&mode=lexical&category=account")).json());
    HealthResponseSchema.parse(await (await get("/health")).json());
    ErrorResponseSchema.parse(await (await get("/faq?k=9")).json());
  });
});
