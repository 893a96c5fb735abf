import type { FaqIndex } from "../index-blob/format";
import { scoreLexical } from "./bm25";
import { fuseScores, maxOf } from "./fuse";
import { scorerFor, type SemanticScorer } from "./semantic-scorer";
import { selectTopK, type Hit } from "./top-k";

export const SEARCH_MODES = ["semantic", "lexical", "hybrid"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface RankRequest {
  mode: SearchMode;
  query: string;
  /** Unit query vector; null in lexical mode, which needs no embedding. */
  queryVector: Float32Array | null;
  k: number;
  /** Lower-cased category to keep, or null for all. */
  category: string | null;
}

export interface RankedHit {
  index: number;
  /** The score results are ordered by: cosine, normalised BM25, or their fusion. */
  score: number;
  semantic: number | null;
  /** BM25 divided by the best BM25 score for this query, in [0, 1]. */
  lexical: number | null;
}

/** With estimated (int8) scores, this many candidates per result are rescored exactly. */
const RESCORE_FACTOR = 4;
const MIN_CANDIDATES = 24;

/** Ranks the index's FAQs for one query in the requested mode. */
export function rankFaqs(index: FaqIndex, request: RankRequest, scorer: SemanticScorer = scorerFor(index)): RankedHit[] {
  const { mode, category, queryVector, k } = request;
  const semantic = mode === "lexical" ? null : scorer.scoreAll(queryVector!);
  const rawLexical = mode === "semantic" ? null : scoreLexical(index.lexical, request.query, index.count);
  const maxLexical = rawLexical ? maxOf(rawLexical) : 0;
  const lexicalShare = (row: number) => (rawLexical ? (maxLexical > 0 ? rawLexical[row]! / maxLexical : 0) : null);

  const scores = mode === "semantic" ? semantic! : mode === "lexical" ? rawLexical! : fuseScores(semantic!, rawLexical!, index.fusionAlpha, maxLexical);
  const keep = (row: number) =>
    (category === null || index.categoryKeys[row] === category) &&
    // in lexical mode a FAQ sharing no term with the query is not a match at all
    (mode !== "lexical" || rawLexical![row]! > 0);

  if (semantic === null || scorer.exact) {
    // Report the very score the selection used, so the order is the order of `score`.
    return selectTopK(scores, k, index.idRank, keep).map(({ index: row, score }) => ({
      index: row,
      score: mode === "lexical" ? lexicalShare(row)! : score,
      semantic: semantic ? semantic[row]! : null,
      lexical: lexicalShare(row),
    }));
  }
  // Estimated scores pick candidates; each candidate's cosine is then computed
  // exactly (this path is semantic or hybrid only: lexical needs no cosine).
  const candidates: Hit[] = selectTopK(scores, Math.max(k * RESCORE_FACTOR, MIN_CANDIDATES), index.idRank, keep);
  const rescored = candidates.map(({ index: row }) => {
    const cosine = scorer.scoreRow(row, queryVector!);
    const score = mode === "semantic" ? cosine : index.fusionAlpha * cosine + (1 - index.fusionAlpha) * lexicalShare(row)!;
    return { index: row, score, semantic: cosine, lexical: lexicalShare(row) };
  });
  rescored.sort((a, b) => b.score - a.score || index.idRank[a.index]! - index.idRank[b.index]!);
  return rescored.slice(0, k);
}
