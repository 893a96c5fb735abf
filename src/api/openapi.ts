import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { FaqQuerySchema } from "./faq-query";
import { ErrorResponseSchema, FaqResponseSchema, HealthResponseSchema, HealthUnavailableSchema } from "./response-schemas";

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(ErrorResponseSchema, description);

function buildDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: "get",
    path: "/faq",
    summary: "FAQs ranked by closeness in meaning to a question",
    request: { query: FaqQuerySchema },
    responses: {
      200: json(FaqResponseSchema, "The best matches, best first."),
      304: { description: "Not modified: the If-None-Match ETag still holds (same index version and parameters)." },
      400: error("Invalid parameter: missing_query, query_too_long, invalid_k, invalid_mode, invalid_category, invalid_min_score."),
      405: error("Method not allowed (method_not_allowed), with Allow."),
      429: error("Too many requests from this client (rate_limited), with Retry-After."),
      502: error("The embedding service failed (upstream_error, upstream_bad_response), with Retry-After."),
      503: error("No usable index (no_index, index_corrupt, model_mismatch), or KV could not be read just now (index_unavailable, with Retry-After)."),
      504: error("The embedding service did not answer in time (upstream_timeout), with Retry-After."),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/health",
    summary: "The index this Worker serves",
    responses: {
      200: json(HealthResponseSchema, "The served index."),
      503: json(HealthUnavailableSchema, "No index can be served."),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/widget.js",
    summary: "The <faq-search> web component",
    responses: { 200: { description: "JavaScript.", content: { "text/javascript": { schema: z.string() } } } },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    responses: { 200: { description: "OpenAPI 3.1.", content: { "application/json": { schema: z.object({}).passthrough() } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "faq-edge", version: "1.0.0", description: "Semantic FAQ search at the edge." },
  });
}

let document: ReturnType<typeof buildDocument> | null = null;
/** The OpenAPI 3.1 document, generated once per isolate from the schemas that validate requests. */
export const openApiDocument = () => (document ??= buildDocument());
