import type { FaqIndex } from "../index-blob/format";
import { scoreLexical } from "./bm25";
import { denseScores } from "./dense-scores";
import { fuseScores } from "./fuse";
import { selectTopK } from "./top-k";

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

/** Ranks the index's FAQs for one query in the requested mode. */
export function rankFaqs(index: FaqIndex, request: RankRequest): RankedHit[] {
  const { mode, category } = request;
  const semantic = mode === "lexical" ? null : denseScores(index.matrix, index.dim, request.queryVector!);
  const rawLexical = mode === "semantic" ? null : scoreLexical(index.lexical, request.query, index.count);
  let maxLexical = 0;
  if (rawLexical) for (const value of rawLexical) if (value > maxLexical) maxLexical = value;

  const scores = mode === "semantic" ? semantic! : mode === "lexical" ? rawLexical! : fuseScores(semantic!, rawLexical!, index.fusionAlpha);
  const keep = (row: number) =>
    (category === null || index.categoryKeys[row] === category) &&
    // in lexical mode a FAQ sharing no term with the query is not a match at all
    (mode !== "lexical" || rawLexical![row]! > 0);

  return selectTopK(scores, request.k, index.idRank, keep).map(({ index: row, score }) => ({
    index: row,
    score: mode === "lexical" ? score / maxLexical : score,
    semantic: semantic ? semantic[row]! : null,
    lexical: rawLexical ? (maxLexical > 0 ? rawLexical[row]! / maxLexical : 0) : null,
  }));
}
