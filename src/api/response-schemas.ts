import { z } from "zod";
import { SEARCH_MODES } from "../search/rank";

/** Shapes of the API's answers, strict (an unknown field is an error): documented in /openapi.json and checked against live responses in tests. */
export const ErrorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: "Stable machine-readable code, such as missing_query or upstream_timeout." }),
    message: z.string(),
  }),
}).meta({ id: "Error" });

export const FaqResultSchema = z.strictObject({
  id: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  url: z.string().nullable(),
  category: z.string().nullable(),
  score: z.number().meta({ description: "The score results are ordered by (cosine, normalised BM25, or their fusion)." }),
  scores: z.strictObject({
    semantic: z.number().nullable().meta({ description: "Cosine similarity; null when not computed." }),
    lexical: z.number().nullable().meta({ description: "How strongly the words matched: BM25 divided by a perfect match's, capped at 1; null when not computed." }),
  }),
}).meta({ id: "FaqResult" });

export const FaqResponseSchema = z.strictObject({
  query: z.string(),
  model: z.string(),
  mode: z.enum(SEARCH_MODES),
  degraded: z.boolean().meta({ description: "True when embedding failed and the results come from words alone." }),
  answered: z.boolean().meta({ description: "False when the best match does not lead the next one clearly enough to count as an answer (see confidence)." }),
  confidence: z.number().nullable().meta({ description: "The best match's score minus the next one's (on the hybrid scale); answered compares it with the calibrated threshold or min_score. Null in lexical mode." }),
  results: z.array(FaqResultSchema),
}).meta({ id: "FaqResponse" });

export const HealthResponseSchema = z.strictObject({
  status: z.literal("ok"),
  version: z.string(),
  model: z.string(),
  dim: z.number().int(),
  count: z.number().int(),
  builtAt: z.string(),
  vectors: z.enum(["f32", "int8"]),
  kernel: z.enum(["wasm-f32", "wasm-int8", "js-f32", "js-int8"]).meta({ description: "The loop that ranks: WebAssembly SIMD, or the JS fallback." }),
  bytes: z.number().int(),
  latestRejected: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  inbox: z.strictObject({
    logging: z.boolean().meta({ description: "Whether unanswered questions and feedback are stored (a FAQ_DB binding, LOG_QUESTIONS not off)." }),
    failedWrites: z.number().int().meta({ description: "Inbox writes that failed in this isolate since it started." }),
  }),
}).meta({ id: "Health" });

export const HealthUnavailableSchema = z.strictObject({
  status: z.enum(["no_index", "index_corrupt", "model_mismatch", "index_unavailable"]),
  error: ErrorResponseSchema.shape.error,
}).meta({ id: "HealthUnavailable" });

const isoTime = z.string().meta({ description: "ISO 8601, UTC." });

export const UnansweredResponseSchema = z.strictObject({
  groups: z.array(z.strictObject({
    label: z.string().meta({ description: "The group's most asked question." }),
    count: z.number().int().meta({ description: "How often the group's questions were asked, together." }),
    queries: z.array(z.strictObject({ text: z.string(), count: z.number().int(), firstSeen: isoTime, lastSeen: isoTime })),
    nearest: z.strictObject({
      id: z.string(),
      question: z.string().nullable().meta({ description: "Null when the FAQ is no longer in the served index." }),
      score: z.number().nullable(),
    }).nullable().meta({ description: "The FAQ that came closest to the group's most asked question, when it was asked." }),
  })).meta({ description: "Most asked first." }),
  total: z.number().int().meta({ description: "How many groups there are, before limit." }),
  threshold: z.number().meta({ description: "The cosine every two questions of a group reach: the model's calibrated one, or 0.8." }),
}).meta({ id: "Unanswered" });

export const FeedbackListSchema = z.strictObject({
  feedback: z.array(z.strictObject({ query: z.string(), id: z.string(), helpful: z.boolean(), at: isoTime })).meta({ description: "Newest first, at most 10,000." }),
  faqs: z.array(z.strictObject({
    id: z.string(),
    question: z.string().nullable(),
    helpful: z.number().int(),
    unhelpful: z.number().int(),
  })).meta({ description: "Per FAQ, over the whole period: most unhelpful first." }),
}).meta({ id: "FeedbackList" });
