import type { FaqIndex } from "../../../src/index-blob/format";
import { featureVector } from "../../../src/search/answer-model";
import { rankQuery } from "../../../src/search/rank";
import type { SemanticScorer } from "../../../src/search/semantic-scorer";
import type { Example } from "./logistic-regression";

/** A question with the rows that answer it (none: a question the collection should not answer). */
export interface AskedQuestion {
  query: string;
  vector: Float32Array;
  rows: ReadonlySet<number>;
}

/** Results asked for: the first two make the lead, and a few more let the relevant rows be left out. */
const K = 3;

function example(index: FaqIndex, scorer: SemanticScorer, question: AskedQuestion, exclude: ReadonlySet<number> | undefined): Example | null {
  const ranking = rankQuery(index, { mode: "hybrid", query: question.query, queryVector: question.vector, k: K, category: null, exclude }, scorer);
  const features = ranking.features();
  if (features === null) return null;
  const right = exclude === undefined && question.rows.has(ranking.hits[0]!.index);
  return { x: featureVector(features), y: right ? 1 : 0 };
}

/**
 * The examples confidence is fitted on, ranked exactly as the Worker ranks:
 * every question in scope (right when its first result is one of its rows),
 * and again with its rows left out of the ranking (a visitor asking what the
 * FAQ does not cover: wrong by definition). A question without rows gives the
 * second kind only.
 */
export function answerExamples(index: FaqIndex, scorer: SemanticScorer, questions: AskedQuestion[]): Example[] {
  const examples: Example[] = [];
  for (const question of questions) {
    if (question.rows.size > 0) {
      const inScope = example(index, scorer, question, undefined);
      if (inScope) examples.push(inScope);
    }
    const outside = example(index, scorer, question, question.rows.size > 0 ? question.rows : undefined);
    if (outside) examples.push({ ...outside, y: 0 });
  }
  return examples;
}
