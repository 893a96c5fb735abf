import type { FaqRecord } from "../faq-record";
import type { AnswerCalibration } from "../search/answer-model";
import type { TokenLanguage } from "../search/tokenize";
import { buildLexicalIndex } from "../search/bm25";
import { RANKING_DEFAULTS, type LexicalFieldWeights } from "../search/ranking-defaults";
import { encodeIndex, type EncodedIndex } from "./encode";
import type { VectorEncoding } from "./vector-section";

export interface BuildIndexInput {
  model: string;
  builtAt: string;
  dim: number;
  records: FaqRecord[];
  vectors: ArrayLike<number>[];
  /** Default RANKING_DEFAULTS.fusionAlpha. */
  fusionAlpha?: number;
  /** Default null: every non-empty result list counts as answered. */
  answerThreshold?: number | null;
  /** Default null: confidence is the lead, judged against answerThreshold. */
  answer?: AnswerCalibration | null;
  /** Default null: the Worker's ALLOWED_ORIGINS apply as they are. */
  allowedOrigins?: string[] | null;
  /** Default null: the inbox groups with its uncalibrated default. */
  groupThreshold?: number | null;
  /** Default RANKING_DEFAULTS. */
  lexical?: LexicalFieldWeights;
  /** Default f32. */
  encoding?: VectorEncoding;
  /** How words become terms. Default "en". */
  language?: TokenLanguage;
  /** Groups of equivalent words or phrases, applied to queries. Default none. */
  synonyms?: string[][];
}

/** BM25 over question and answer text, then the blob with vectors, records and postings. */
export function buildIndex(input: BuildIndexInput): Promise<EncodedIndex> {
  const weights = input.lexical ?? RANKING_DEFAULTS;
  const lexical = buildLexicalIndex(
    input.records.map((r) => [
      { text: r.question, weight: weights.questionWeight },
      { text: r.answer ?? "", weight: weights.answerWeight },
    ]),
    { k1: weights.k1, b: weights.b, language: input.language, synonyms: input.synonyms },
  );
  return encodeIndex({
    model: input.model,
    builtAt: input.builtAt,
    dim: input.dim,
    records: input.records,
    vectors: input.vectors,
    lexical,
    fusionAlpha: input.fusionAlpha ?? RANKING_DEFAULTS.fusionAlpha,
    answerThreshold: input.answerThreshold ?? null,
    answer: input.answer ?? null,
    allowedOrigins: input.allowedOrigins ?? null,
    groupThreshold: input.groupThreshold ?? null,
    encoding: input.encoding,
  });
}
