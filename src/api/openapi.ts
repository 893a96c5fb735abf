import { CollectionQuerySchema, FeedbackQuerySchema, GroupDoneQuerySchema, UnansweredQuerySchema } from "./admin-query";
import { DraftBodySchema } from "./draft-body";
import { StatsQuerySchema } from "./stats-query";
import { FaqQuerySchema } from "./faq-query";
import { FeedbackBodySchema } from "./feedback-body";
import {
  CollectionsResponseSchema, DraftListSchema, DraftSchema, ErrorResponseSchema, GroupDoneSchema, StatsResponseSchema, FaqResponseSchema, FeedbackListSchema, HealthResponseSchema, HealthUnavailableSchema, UnansweredResponseSchema,
} from "./response-schemas";
import * as z from "zod/mini";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string; example?: unknown };
type Schema = z.ZodMiniType;

const COMPONENTS = "#/components/schemas/";

/** A reference to a schema that has an id (a named component). */
function ref(schema: Schema): { $ref: string } {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("only schemas with an id can be referenced");
  return { $ref: `${COMPONENTS}${id}` };
}

const json = (schema: Schema, description: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });
const error = (description: string) => json(ErrorResponseSchema, description);

/** The query parameters of an object schema, each with its JSON Schema, description and example. */
function queryParameters(schema: z.ZodMiniObject) {
  const object = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, example, ...rest } = property;
    return { name, in: "query", required: object.required?.includes(name) ?? false, description, example, schema: rest };
  });
}

/** Every schema with an id, as OpenAPI components (JSON Schema 2020-12, which OpenAPI 3.1 uses). */
function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: "output", unrepresentable: "any", uri: (id) => `${COMPONENTS}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => {
    const { $schema: _draft, $id: _id, ...rest } = schema as JsonSchema;
    return [id, rest];
  }));
}

function buildDocument() {
  const admin = { security: [{ adminToken: [] }] };
  const adminErrors = {
    400: error("Invalid parameter: invalid_since, invalid_limit, invalid_format, invalid_collection."),
    401: error("Missing, wrong or revoked bearer token (unauthorized), with WWW-Authenticate."),
    403: error("A collection token naming another collection (forbidden_collection)."),
    404: error("No ADMIN_TOKEN is configured, so the owner's view does not exist (not_found)."),
    405: error("Method not allowed (method_not_allowed), with Allow."),
    503: error("No FAQ_DB binding, or D1 could not be read to check a collection token (no_database)."),
  };
  const withCsv = (schema: Schema, description: string) => ({
    description,
    content: { "application/json": { schema: ref(schema) }, "text/csv": { schema: { type: "string" } } },
  });
  return {
    openapi: "3.1.0",
    info: { title: "faq-edge", version: "1.0.0", description: "Semantic FAQ search at the edge." },
    components: {
      schemas: componentSchemas(),
      securitySchemes: { adminToken: { type: "http", scheme: "bearer", description: "The ADMIN_TOKEN secret (every collection), or a collection token (one collection)." } },
    },
    paths: {
      "/faq": {
        get: {
          summary: "FAQs ranked by closeness in meaning to a question",
          parameters: queryParameters(FaqQuerySchema),
          responses: {
            200: json(FaqResponseSchema, "The best matches, best first."),
            304: { description: "Not modified: the If-None-Match ETag still holds (same index version and parameters)." },
            400: error("Invalid parameter: missing_query, query_too_long, invalid_k, invalid_mode, invalid_category, invalid_min_score, invalid_collection."),
            403: error("The collection answers only some origins, and this Origin is not one (origin_not_allowed)."),
            404: error("There is no collection of that name (unknown_collection)."),
            405: error("Method not allowed (method_not_allowed), with Allow."),
            429: error("Too many requests from this client (rate_limited), with Retry-After."),
            502: error("The embedding service failed (upstream_error, upstream_bad_response), with Retry-After."),
            503: error("No usable index (no_index, index_corrupt, model_mismatch), or KV could not be read just now (index_unavailable, with Retry-After)."),
            504: error("The embedding service did not answer in time (upstream_timeout), with Retry-After."),
          },
        },
      },
      "/feedback": {
        post: {
          summary: "A visitor's answer to \"Did this answer your question?\"",
          requestBody: { required: true, content: { "application/json": { schema: ref(FeedbackBodySchema) } } },
          responses: {
            204: { description: "Recorded (after the answer is sent)." },
            400: error("Invalid body: invalid_json, missing_query, query_too_long, invalid_id, unknown_id, invalid_helpful, unknown_field, invalid_collection."),
            403: error("The Origin is not in ALLOWED_ORIGINS, or not among the collection's origins (origin_not_allowed)."),
            404: error("This deployment records no feedback: LOG_QUESTIONS=off or no FAQ_DB (feedback_off); or there is no collection of that name (unknown_collection)."),
            413: error("The body is over 4096 bytes (payload_too_large)."),
            415: error("The body is not application/json (unsupported_media_type)."),
            429: error("Too many requests from this client (rate_limited), with Retry-After."),
          },
        },
      },
      "/admin/unanswered": {
        get: {
          summary: "What visitors asked that the FAQ did not answer, grouped by meaning",
          ...admin,
          parameters: queryParameters(UnansweredQuerySchema),
          responses: { 200: withCsv(UnansweredResponseSchema, "Groups, most asked first (CSV: one row per question, with its group)."), ...adminErrors },
        },
      },
      "/admin/feedback": {
        get: {
          summary: "What visitors said about the answers they opened",
          ...admin,
          parameters: queryParameters(FeedbackQuerySchema),
          responses: { 200: withCsv(FeedbackListSchema, "Feedback, newest first, and counts per FAQ (CSV: one row per feedback)."), ...adminErrors },
        },
      },
      "/admin/stats": {
        get: {
          summary: "A collection's questions and feedback per day, and its FAQs by No",
          ...admin,
          parameters: queryParameters(StatsQuerySchema),
          responses: { 200: json(StatsResponseSchema, "The period, day by day."), ...adminErrors, 400: error("Invalid parameter: invalid_since, invalid_until, invalid_period, invalid_collection.") },
        },
      },
      "/admin/groups/{key}/done": {
        post: {
          summary: "Marks an inbox group done: hidden until its questions are asked again or a new one joins it",
          ...admin,
          parameters: [
            { name: "key", in: "path", required: true, description: "The group's key, from /admin/unanswered.", schema: { type: "string" } },
            // the period of the listing the key came from: its questions are grouped again to find the group
            ...queryParameters(GroupDoneQuerySchema),
          ],
          responses: {
            200: json(GroupDoneSchema, "Marked."),
            ...adminErrors,
            400: error("Invalid parameter: invalid_since, invalid_until, invalid_collection."),
            404: error("No ADMIN_TOKEN (not_found), or no group of the period has that key (unknown_group)."),
          },
        },
      },
      "/admin/drafts": {
        get: {
          summary: "The answers the owner wrote, waiting for the next seed",
          ...admin,
          parameters: queryParameters(CollectionQuerySchema),
          responses: { 200: json(DraftListSchema, "Oldest first."), ...adminErrors },
        },
        post: {
          summary: "Writes a draft: a question and its answer for the next index",
          ...admin,
          parameters: queryParameters(CollectionQuerySchema),
          requestBody: { required: true, content: { "application/json": { schema: ref(DraftBodySchema) } } },
          responses: {
            201: json(DraftSchema, "The draft."),
            ...adminErrors,
            400: error("invalid_collection, or an invalid body: invalid_json, unknown_field, invalid_question, invalid_answer, invalid_group_key."),
            413: error("The body is over 64 KiB (payload_too_large)."),
            415: error("The body is not application/json (unsupported_media_type)."),
          },
        },
      },
      "/admin/drafts/{id}": {
        put: {
          summary: "Replaces a draft's question and answer",
          ...admin,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }, ...queryParameters(CollectionQuerySchema)],
          requestBody: { required: true, content: { "application/json": { schema: ref(DraftBodySchema) } } },
          responses: {
            200: json(DraftSchema, "The draft."),
            ...adminErrors,
            400: error("invalid_collection, invalid_draft_id, or an invalid body (as POST)."),
            404: error("No ADMIN_TOKEN (not_found), or the collection has no such draft (unknown_draft)."),
            413: error("The body is over 64 KiB (payload_too_large)."),
            415: error("The body is not application/json (unsupported_media_type)."),
          },
        },
        delete: {
          summary: "Deletes a draft",
          ...admin,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }, ...queryParameters(CollectionQuerySchema)],
          responses: { 204: { description: "Deleted." }, ...adminErrors, 400: error("invalid_collection, invalid_draft_id."), 404: error("No ADMIN_TOKEN (not_found), or the collection has no such draft (unknown_draft).") },
        },
      },
      "/admin/collections": {
        get: {
          summary: "The FAQ collections of this deployment",
          ...admin,
          responses: { 200: json(CollectionsResponseSchema, "Every collection in KV (a collection token: its own)."), ...adminErrors },
        },
      },
      "/health": {
        get: {
          summary: "The index this Worker serves for a collection",
          parameters: [{ name: "collection", in: "query", required: false, description: "The collection; default: default.", schema: { type: "string" } }],
          responses: {
            200: json(HealthResponseSchema, "The served index."),
            400: error("A malformed collection name (invalid_collection)."),
            404: error("There is no collection of that name (unknown_collection)."),
            429: error("Too many requests from this client (rate_limited), with Retry-After."),
            503: json(HealthUnavailableSchema, "No index can be served."),
          },
        },
      },
      "/widget.js": {
        get: {
          summary: "The <faq-search> web component",
          responses: { 200: { description: "JavaScript.", content: { "text/javascript": { schema: { type: "string" } } } } },
        },
      },
      "/openapi.json": {
        get: {
          summary: "This document",
          responses: { 200: { description: "OpenAPI 3.1.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
  };
}

let document: ReturnType<typeof buildDocument> | null = null;
/** The OpenAPI 3.1 document, generated once per isolate from the schemas that validate requests. */
export const openApiDocument = () => (document ??= buildDocument());
