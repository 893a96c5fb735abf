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
  answered: documented(z.boolean(), { description: "True when confidence reaches the collection's threshold (the precision it promises, 0.8 by default) or min_score." }),
  confidence: documented(z.nullable(z.number()), { description: "The probability, from 0 to 1, that the first result is right, from a model calibrated on the collection's own FAQs; for indexes built with --no-calibrate, the best match's lead over the next on the hybrid scale. Null in lexical mode." }),
  results: z.array(FaqResultSchema),
}), { id: "FaqResponse" });

const indexMemory = documented(z.strictObject({
  heldBytes: z.int(),
  peakBytes: z.int(),
  budgetBytes: z.int(),
  collectionsLoaded: z.int(),
}), { description: "Index memory of all the collections this isolate holds, against its budget." });

export const HealthResponseSchema = documented(z.strictObject({
  status: z.literal("ok"),
  collection: z.string(),
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
    pending: documented(z.int(), { description: "Askings (a question, or a feedback) this isolate holds for its next write, or is writing." }),
    written: documented(z.int(), { description: "Askings stored since this isolate started." }),
    dropped: documented(z.int(), { description: "Askings never stored: the isolate already held its most when they came." }),
    failed: documented(z.int(), { description: "Askings never stored: every attempt to write them failed." }),
    retrying: documented(z.int(), { description: "Askings (part of pending) being written again after a failure or a write whose outcome was unknown." }),
  }),
  indexMemory,
}), { id: "Health" });

export const HealthUnavailableSchema = documented(z.strictObject({
  status: z.enum(["no_index", "index_corrupt", "model_mismatch", "index_unavailable"]),
  collection: z.string(),
  error: ErrorResponseSchema.shape.error,
  indexMemory,
}), { id: "HealthUnavailable" });

const isoTime = () => documented(z.string(), { description: "ISO 8601, UTC." });

export const UnansweredResponseSchema = documented(z.strictObject({
  collection: z.string(),
  groups: documented(z.array(z.strictObject({
    key: documented(z.string(), { description: "Names the group in POST /admin/groups/{key}/done (its most asked question's key)." }),
    label: documented(z.string(), { description: "The group's most asked question." }),
    count: documented(z.int(), { description: "How often the group's questions were asked, together, ever." }),
    countInPeriod: documented(z.int(), { description: "Askings from since to until." }),
    countBefore: documented(z.int(), { description: "Askings in the period of the same length before since (0 without since)." }),
    trend: documented(z.enum(["new", "rising", "falling", "steady"]), { description: "The period against the one before: a fifth more is rising, a fifth less falling." }),
    done: documented(z.boolean(), { description: "Marked done, and none of its questions asked since (listed only with done=include)." }),
    queries: z.array(z.strictObject({ key: z.string(), text: z.string(), count: z.int(), firstSeen: isoTime(), lastSeen: isoTime() })),
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
  collection: z.string(),
  feedback: documented(z.array(z.strictObject({ query: z.string(), id: z.string(), helpful: z.boolean(), at: isoTime() })), { description: "Newest first, at most 10,000." }),
  faqs: documented(z.array(z.strictObject({
    id: z.string(),
    question: z.nullable(z.string()),
    helpful: z.int(),
    unhelpful: z.int(),
  })), { description: "Per FAQ, over the whole period: most unhelpful first." }),
}), { id: "FeedbackList" });

export const CollectionsResponseSchema = documented(z.strictObject({
  collections: documented(z.array(z.strictObject({
    name: z.string(),
    version: z.string(),
    count: documented(z.int(), { description: "FAQs." }),
    model: z.string(),
    dim: z.int(),
    builtAt: z.string(),
    bytes: documented(z.int(), { description: "The index's size in KV." }),
  })), { description: "By name, default first; a collection token sees its own only." }),
}), { id: "Collections" });

const day = () => documented(z.string(), { description: "A UTC day, 2026-11-01." });

export const StatsResponseSchema = documented(z.strictObject({
  collection: z.string(),
  since: day(),
  until: day(),
  days: documented(z.array(z.strictObject({
    day: day(),
    asked: documented(z.int(), { description: "Questions asked by meaning (hybrid or semantic; the widget's words-only lookups while typing are not counted)." }),
    answered: z.int(),
    unanswered: z.int(),
    degraded: documented(z.int(), { description: "Answered from words alone after the embedding failed, answered or not." }),
    answeredShare: z.nullable(z.number()),
    feedbackYes: z.int(),
    feedbackNo: z.int(),
  })), { description: "Every day of the period, oldest first." }),
  totals: z.strictObject({
    asked: z.int(), answered: z.int(), unanswered: z.int(), degraded: z.int(), answeredShare: z.nullable(z.number()), feedbackYes: z.int(), feedbackNo: z.int(),
  }),
  faqs: documented(z.array(z.strictObject({
    id: z.string(),
    question: documented(z.nullable(z.string()), { description: "Null when the FAQ is no longer in the served index." }),
    opened: documented(z.int(), { description: "How often visitors opened its answer in the widget." }),
    helpful: z.int(),
    unhelpful: z.int(),
    shareNo: z.nullable(z.number()),
  })), { description: "FAQs opened or rated in the period, most No first." }),
}), { id: "Stats" });

export const DraftSchema = documented(z.strictObject({
  id: z.int(),
  collection: z.string(),
  question: z.string(),
  answer: z.string(),
  groupKey: z.nullable(z.string()),
  createdAt: isoTime(),
  updatedAt: isoTime(),
}), { id: "Draft" });

export const DraftListSchema = documented(z.strictObject({ collection: z.string(), drafts: z.array(DraftSchema) }), { id: "DraftList" });

export const GroupDoneSchema = documented(z.strictObject({
  collection: z.string(),
  key: z.string(),
  questions: documented(z.int(), { description: "The group's questions now marked done." }),
}), { id: "GroupDone" });
