import { SEARCH_MODES } from "../search/rank";
import * as z from "zod/mini";
import { documented } from "./schema";

/** Shapes of the API's answers, strict (an unknown field is an error): documented in /openapi.json and checked against live responses in tests. */
export const ErrorResponseSchema = documented(z.strictObject({
  error: z.strictObject({
    code: documented(z.string(), { description: "Stable machine-readable code, such as missing_query or upstream_timeout." }),
    message: z.string(),
  }),
}), { id: "Error" });

export const FaqResultSchema = documented(z.strictObject({
  id: z.string(),
  question: z.string(),
  answer: z.nullable(z.string()),
  url: z.nullable(z.string()),
  category: z.nullable(z.string()),
  score: documented(z.number(), { description: "The score results are ordered by (cosine, normalised BM25, or their fusion)." }),
  scores: z.strictObject({
    semantic: documented(z.nullable(z.number()), { description: "Cosine similarity; null when not computed." }),
    lexical: documented(z.nullable(z.number()), { description: "How strongly the words matched: BM25 divided by a perfect match's, capped at 1; null when not computed." }),
  }),
}), { id: "FaqResult" });

export const FaqResponseSchema = documented(z.strictObject({
  query: z.string(),
  model: z.string(),
  mode: z.enum(SEARCH_MODES),
  degraded: documented(z.boolean(), { description: "True when embedding failed and the results come from words alone." }),
  answered: documented(z.boolean(), { description: "False when the best match does not lead the next one clearly enough to count as an answer (see confidence)." }),
  confidence: documented(z.nullable(z.number()), { description: "The best match's score minus the next one's (on the hybrid scale); answered compares it with the calibrated threshold or min_score. Null in lexical mode." }),
  results: z.array(FaqResultSchema),
}), { id: "FaqResponse" });

export const HealthResponseSchema = documented(z.strictObject({
  status: z.literal("ok"),
  version: z.string(),
  model: z.string(),
  dim: z.int(),
  count: z.int(),
  builtAt: z.string(),
  vectors: z.enum(["f32", "int8"]),
  kernel: documented(z.enum(["wasm-f32", "wasm-int8", "js-f32", "js-int8"]), { description: "The loop that ranks: WebAssembly SIMD, or the JS fallback." }),
  bytes: z.int(),
  latestRejected: z.nullable(z.strictObject({ code: z.string(), message: z.string() })),
  inbox: z.strictObject({
    logging: documented(z.boolean(), { description: "Whether unanswered questions and feedback are stored (a FAQ_DB binding, LOG_QUESTIONS not off)." }),
    failedWrites: documented(z.int(), { description: "Inbox writes that failed in this isolate since it started." }),
  }),
}), { id: "Health" });

export const HealthUnavailableSchema = documented(z.strictObject({
  status: z.enum(["no_index", "index_corrupt", "model_mismatch", "index_unavailable"]),
  error: ErrorResponseSchema.shape.error,
}), { id: "HealthUnavailable" });

const isoTime = () => documented(z.string(), { description: "ISO 8601, UTC." });

export const UnansweredResponseSchema = documented(z.strictObject({
  groups: documented(z.array(z.strictObject({
    label: documented(z.string(), { description: "The group's most asked question." }),
    count: documented(z.int(), { description: "How often the group's questions were asked, together." }),
    queries: z.array(z.strictObject({ text: z.string(), count: z.int(), firstSeen: isoTime(), lastSeen: isoTime() })),
    nearest: documented(z.nullable(z.strictObject({
      id: z.string(),
      question: documented(z.nullable(z.string()), { description: "Null when the FAQ is no longer in the served index." }),
      score: z.nullable(z.number()),
    })), { description: "The FAQ that came closest to the group's most asked question, when it was asked." }),
  })), { description: "Most asked first." }),
  total: documented(z.int(), { description: "How many groups there are, before limit." }),
  threshold: documented(z.number(), { description: "The cosine every two questions of a group reach: the model's calibrated one, or 0.8." }),
}), { id: "Unanswered" });

export const FeedbackListSchema = documented(z.strictObject({
  feedback: documented(z.array(z.strictObject({ query: z.string(), id: z.string(), helpful: z.boolean(), at: isoTime() })), { description: "Newest first, at most 10,000." }),
  faqs: documented(z.array(z.strictObject({
    id: z.string(),
    question: z.nullable(z.string()),
    helpful: z.int(),
    unhelpful: z.int(),
  })), { description: "Per FAQ, over the whole period: most unhelpful first." }),
}), { id: "FeedbackList" });
