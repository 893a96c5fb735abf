import type { FaqParams } from "../api/faq-query";
import { UpstreamError } from "../errors";
import type { FaqRecord } from "../faq-record";
import type { FaqIndex } from "../index-blob/format";
import type { StepTimer } from "../lib/step-timer";
import { answerConfidence, answerThresholdOf, isAnswered } from "../search/confidence";
import { rankQuery, type SearchMode } from "../search/rank";
import { scorerFor } from "../search/semantic-scorer";
import { kernelModule } from "../search/wasm/kernel-module";

export interface SearchInput {
  index: FaqIndex;
  params: FaqParams;
  /** The question's unit vector for an index of this width (throws UpstreamError when the service fails). */
  embed: (dim: number) => Promise<Float32Array>;
  /** The collection's index now: a large one may have been swapped in place while the question was embedded. */
  current: () => Promise<FaqIndex>;
  timer: StepTimer;
}

export interface FaqResult extends FaqRecord {
  score: number;
  scores: { semantic: number | null; lexical: number | null };
}

export interface SearchOutcome {
  /** The index ranked on (it may be newer than the one the search started with). */
  index: FaqIndex;
  mode: SearchMode;
  /** True when the embedding failed and words alone ranked. */
  degraded: boolean;
  results: FaqResult[];
  confidence: number | null;
  /** What the answer says: judged on the caller's min_score when given. */
  answered: boolean;
  /** What the collection's own calibration says: decides what reaches the inbox. */
  answeredByIndex: boolean;
  queryVector: Float32Array | null;
}

/**
 * Ranks a collection's FAQs for one question: embeds it (unless lexical),
 * ranks, and judges whether the first result answers it. A failed embedding
 * need not fail the answer: words alone still rank, unless semantic mode was
 * asked for or the index has no words.
 */
export async function searchFaqs({ index: startedWith, params, embed, current, timer }: SearchInput): Promise<SearchOutcome> {
  let index = startedWith;
  let queryVector: Float32Array | null = null;
  let degraded = false;
  if (params.mode !== "lexical") {
    try {
      queryVector = await embed(index.dim);
    } catch (error) {
      if (!(error instanceof UpstreamError) || params.mode === "semantic" || index.lexical.terms.length === 0) throw error;
      console.warn(`embedding failed (${error.code}); answering from the lexical index`);
      degraded = true;
    }
    if (index.retired) index = await current();
  }

  timer.start("search");
  const mode = degraded ? "lexical" : params.mode;
  // one more than asked for: the lead over the next match is part of what confidence is judged on
  const ranking = rankQuery(index, { ...params, k: params.k + 1, mode, queryVector }, scorerFor(index, kernelModule));
  const hits = ranking.hits.slice(0, params.k);
  const confidence = answerConfidence(index, ranking, mode);
  timer.end("search");

  // The index's own calibration decides what reaches the inbox; a caller's
  // min_score only changes what this answer says, so that nobody can fill
  // the owner's inbox by asking with min_score=1.
  const answeredByIndex = isAnswered(hits.length, confidence, answerThresholdOf(index));
  return {
    index,
    mode: params.mode,
    degraded,
    results: hits.map((hit) => ({ ...index.record(hit.index), score: hit.score, scores: { semantic: hit.semantic, lexical: hit.lexical } })),
    confidence,
    answered: params.minScore === null ? answeredByIndex : isAnswered(hits.length, confidence, params.minScore),
    answeredByIndex,
    queryVector,
  };
}
