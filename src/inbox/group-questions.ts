import type { TokenLanguage } from "../search/tokenize";
import { averageLinkage } from "./average-linkage";
import { GROUPING_EVIDENCE, questionSimilarity, type GroupingEvidence } from "./question-similarity";
import { COMMON_WORD_SHARES, rareWords, type CommonWordShares, type FaqVocabulary } from "./rare-words";
import type { LoggedQuestion } from "./read-inbox";

/**
 * The cosine two questions need, for a model without a calibrated one
 * (data/calibration.json gives each calibrated model its own): a cosine
 * that few pairs of questions about different FAQs reach (docs/inbox.md).
 */
export const DEFAULT_GROUP_THRESHOLD = 0.8;

/**
 * Grouping compares every pair of questions, so it runs over the most asked
 * questions only: 1,000 of them is half a million dot products
 * (`npm run bench:inbox` times it: docs/inbox.md).
 */
export const MAX_GROUPED_QUESTIONS = 1000;

/**
 * How far above the threshold a group's mean similarity must be. A mean
 * lets one pair fall below the threshold where complete linkage (every pair
 * at it) would not; 0.05 above it buys that back: on the cosine alone,
 * average linkage at 0.8 was purer than complete linkage at 0.75 on all
 * three development sets, with more recall (docs/inbox.md).
 */
export const AVERAGE_LINKAGE_MARGIN = 0.05;

export interface QuestionGroup {
  /** The group's most asked question. */
  label: string;
  /** How often its questions were asked, together. */
  count: number;
  /** Most asked first. */
  questions: LoggedQuestion[];
}

export interface GroupingOptions {
  /** How the index cuts words into terms. Default "en". */
  language?: TokenLanguage;
  /** The served index's words, to ignore those common across its FAQs. Default none. */
  vocabulary?: FaqVocabulary | null;
  /** Default GROUPING_EVIDENCE (question-similarity.ts). */
  evidence?: Partial<GroupingEvidence>;
  /** Default COMMON_WORD_SHARES (rare-words.ts). */
  commonWords?: Partial<CommonWordShares>;
  /** Default AVERAGE_LINKAGE_MARGIN. */
  margin?: number;
}

// Code-point order, not localeCompare: the same in Node and workerd whatever ICU data each has.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byAsking = (a: LoggedQuestion, b: LoggedQuestion) => b.count - a.count || b.lastSeen - a.lastSeen || byText(a.text, b.text);

/**
 * Groups questions that ask the same thing, by meaning and by words:
 * average linkage (average-linkage.ts) at `threshold` plus the margin, over
 * a similarity that adds to the cosine of two questions a shared rare word
 * and takes away having come close to different FAQs
 * (question-similarity.ts). A question without a vector of `model`
 * (degraded, or asked under another model) is compared by its rare words
 * alone. The result depends on the questions, not on their order: they are
 * taken most asked first, then most recent, then by text, and ties go to
 * the earlier. Groups come most asked first, questions in each most asked
 * first. Cost: n²/2 dot products and O(n²) memory (4 MB for 1,000).
 */
export function groupQuestions(questions: LoggedQuestion[], threshold: number, model: string | null, options: GroupingOptions = {}): QuestionGroup[] {
  const ordered = [...questions].sort(byAsking);
  const rare = rareWords(ordered.map((q) => q.text), options.language ?? "en", options.vocabulary ?? null, { ...COMMON_WORD_SHARES, ...options.commonWords });
  const similarity = questionSimilarity(ordered, model, rare, { ...GROUPING_EVIDENCE, ...options.evidence });
  return averageLinkage(similarity, ordered.length, threshold + (options.margin ?? AVERAGE_LINKAGE_MARGIN))
    .map((members) => {
      const grouped = members.map((i) => ordered[i]!);
      return { label: grouped[0]!.text, count: grouped.reduce((sum, q) => sum + q.count, 0), questions: grouped };
    })
    .sort((a, b) => b.count - a.count || byText(a.label, b.label));
}
