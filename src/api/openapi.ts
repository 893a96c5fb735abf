import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { FeedbackQuerySchema, UnansweredQuerySchema } from "./admin-query";
import { FaqQuerySchema } from "./faq-query";
import { FeedbackBodySchema } from "./feedback-body";
import {
  ErrorResponseSchema, FaqResponseSchema, FeedbackListSchema, HealthResponseSchema, HealthUnavailableSchema, UnansweredResponseSchema,
} from "./response-schemas";

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
    method: "post",
    path: "/feedback",
    summary: "A visitor's answer to \"Did this answer your question?\"",
    request: { body: { content: { "application/json": { schema: FeedbackBodySchema } } } },
    responses: {
      204: { description: "Recorded (after the answer is sent)." },
      400: error("Invalid body: invalid_json, missing_query, query_too_long, invalid_id, unknown_id, invalid_helpful, unknown_field."),
      403: error("The Origin is not in ALLOWED_ORIGINS (origin_not_allowed)."),
      404: error("This deployment records no feedback: LOG_QUESTIONS=off or no FAQ_DB (feedback_off)."),
      413: error("The body is over 4096 bytes (payload_too_large)."),
      415: error("The body is not application/json (unsupported_media_type)."),
      429: error("Too many requests from this client (rate_limited), with Retry-After."),
    },
  });
  const admin = { security: [{ adminToken: [] }] };
  const adminErrors = {
    400: error("Invalid parameter: invalid_since, invalid_limit, invalid_format."),
    401: error("Missing or wrong bearer token (unauthorized), with WWW-Authenticate."),
    404: error("No ADMIN_TOKEN is configured, so the owner's view does not exist (not_found)."),
    503: error("No FAQ_DB binding (no_database)."),
  };
  const csv = { "text/csv": { schema: z.string() } };
  registry.registerComponent("securitySchemes", "adminToken", { type: "http", scheme: "bearer", description: "The ADMIN_TOKEN secret." });
  registry.registerPath({
    method: "get",
    path: "/admin/unanswered",
    summary: "What visitors asked that the FAQ did not answer, grouped by meaning",
    ...admin,
    request: { query: UnansweredQuerySchema },
    responses: {
      200: { description: "Groups, most asked first (CSV: one row per question, with its group).", content: { "application/json": { schema: UnansweredResponseSchema }, ...csv } },
      ...adminErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/admin/feedback",
    summary: "What visitors said about the answers they opened",
    ...admin,
    request: { query: FeedbackQuerySchema },
    responses: {
      200: { description: "Feedback, newest first, and counts per FAQ (CSV: one row per feedback).", content: { "application/json": { schema: FeedbackListSchema }, ...csv } },
      ...adminErrors,
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
