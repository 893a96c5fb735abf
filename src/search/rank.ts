import type { FaqIndex } from "../index-blob/format";
import type { AnswerFeatures } from "./answer-model";
import { matchLexical, type LexicalMatch } from "./bm25";
import { fuse, lexicalStrength } from "./fuse";
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
  /** Rows left out of the ranking: calibration asks a question as if its FAQ were missing. */
  exclude?: ReadonlySet<number>;
}

export interface RankedHit {
  index: number;
  /** The score results are ordered by: cosine, lexical strength, or their fusion. */
  score: number;
  semantic: number | null;
  /** How strongly the words matched, in [0, 1] (see lexicalStrength). */
  lexical: number | null;
}

/** With estimated (int8) scores, this many candidates per result are rescored exactly. */
const RESCORE_FACTOR = 4;
const MIN_CANDIDATES = 24;

/** What both paths share: the per-row scores the selection runs on, and how to report a row. */
interface Scored {
  /** Cosine per row (estimated when the scorer is not exact), or null in lexical mode. */
  semantic: Float32Array | null;
  /** One score per row to select the best from. */
  selection: Float32Array;
  keep: (row: number) => boolean;
  /** The reported hit for a row, given its cosine (exact or rescored) or null. */
  hit: (row: number, cosine: number | null) => RankedHit;
  /** What `confidence` is computed from, given the hits; null in lexical mode. */
  features: (hits: RankedHit[]) => AnswerFeatures | null;
}

/** The best and second-best value over the rows kept, and where the best is (-1 when no row is kept). */
function bestTwo(valueOf: (row: number) => number, count: number, keep: (row: number) => boolean) {
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  let at = -1;
  for (let row = 0; row < count; row++) {
    const value = valueOf(row);
    if (value <= second || !keep(row)) continue;
    if (value > first) {
      second = first;
      first = value;
      at = row;
    } else second = value;
  }
  // a side with a single FAQ leads by its whole score
  return { first: at < 0 ? 0 : first, second: second === Number.NEGATIVE_INFINITY ? 0 : second, at };
}

function score(index: FaqIndex, request: RankRequest, scorer: SemanticScorer): Scored {
  const { mode, category } = request;
  const semantic = mode === "lexical" ? null : scorer.scoreAll(request.queryVector!);
  const words = mode === "semantic" ? null : matchLexical(index.lexical, request.query, index.count, scorer.postings ?? undefined);
  const strength = (row: number) => (words ? lexicalStrength(words.scores[row]!, words.perfect) : null);
  const { exclude } = request;
  // the filter's category as a position in the index's list: -1 when no FAQ has it (then nothing matches)
  const wantedCategory = category === null ? null : index.categories.names.indexOf(category);
  const { ofRow } = index.categories;

  let selection: Float32Array;
  if (mode === "semantic") selection = semantic!;
  else if (mode === "lexical") selection = words!.scores;
  else {
    selection = new Float32Array(index.count);
    for (let row = 0; row < index.count; row++) selection[row] = fuse(semantic![row]!, strength(row)!, index.fusionAlpha);
  }
  const keep = (row: number) =>
    (wantedCategory === null || (wantedCategory >= 0 && ofRow[row] === wantedCategory)) &&
    // in lexical mode a FAQ sharing no term with the query is not a match at all
    (mode !== "lexical" || words!.scores[row]! > 0) &&
    (exclude === undefined || !exclude.has(row));
  return {
    semantic,
    selection,
    keep,
    hit(row, cosine) {
      const lexical = strength(row);
      const value = mode === "semantic" ? cosine! : mode === "lexical" ? lexical! : fuse(cosine!, lexical!, index.fusionAlpha);
      return { index: row, score: value, semantic: cosine, lexical };
    },
    features(hits) {
      if (semantic === null || hits.length === 0) return null;
      // semantic mode reports no word strength, but the confidence needs it: matched here, once
      const match: LexicalMatch = words ?? matchLexical(index.lexical, request.query, index.count);
      const strengthOf = (row: number) => lexicalStrength(match.scores[row]!, match.perfect);
      const fused = (hit: RankedHit) => fuse(hit.semantic!, strengthOf(hit.index), index.fusionAlpha);
      const cosines = bestTwo((row) => semantic[row]!, index.count, keep);
      const lexicalBest = bestTwo(strengthOf, index.count, keep);
      const top = hits[0]!;
      return {
        fusedTop: fused(top),
        fusedLead: fused(top) - (hits[1] ? fused(hits[1]) : 0),
        cosineTop: top.semantic!,
        semanticLead: cosines.first - cosines.second,
        lexicalTop: strengthOf(top.index),
        lexicalLead: lexicalBest.first - lexicalBest.second,
        sidesAgree: lexicalBest.first > 0 && lexicalBest.at === cosines.at ? 1 : 0,
        knownShare: match.queryWords > 0 ? match.knownWords / match.queryWords : 0,
      };
    },
  };
}

/** Exact scores: the selection's order is the reported order. */
function rankExact(index: FaqIndex, request: RankRequest, scored: Scored): RankedHit[] {
  const { semantic } = scored;
  return selectTopK(scored.selection, request.k, index.idRank, scored.keep).map(({ index: row }) => scored.hit(row, semantic ? semantic[row]! : null));
}

/**
 * Estimated (int8) cosines pick candidates; each candidate's cosine is then
 * computed exactly and the candidates are ranked again by the exact score.
 */
function rankRescored(index: FaqIndex, request: RankRequest, scored: Scored, scorer: SemanticScorer): RankedHit[] {
  const candidates: Hit[] = selectTopK(scored.selection, Math.max(request.k * RESCORE_FACTOR, MIN_CANDIDATES), index.idRank, scored.keep);
  const rescored = candidates.map(({ index: row }) => scored.hit(row, scorer.scoreRow(row, request.queryVector!)));
  rescored.sort((a, b) => b.score - a.score || index.idRank[a.index]! - index.idRank[b.index]!);
  return rescored.slice(0, request.k);
}

/** One query's ranking, and what its confidence is computed from. */
export interface Ranking {
  hits: RankedHit[];
  /**
   * The signals `confidence` is computed from (search/answer-model.ts), or
   * null in lexical mode or without hits. Call it before the scorer ranks
   * another query: it reads the scorer's score array, which the next query reuses.
   */
  features(): AnswerFeatures | null;
}

/** Ranks the index's FAQs for one query in the requested mode, keeping what confidence needs. */
export function rankQuery(index: FaqIndex, request: RankRequest, scorer: SemanticScorer = scorerFor(index)): Ranking {
  const scored = score(index, request, scorer);
  const hits = scored.semantic === null || scorer.exact ? rankExact(index, request, scored) : rankRescored(index, request, scored, scorer);
  return { hits, features: () => scored.features(hits) };
}

/** Ranks the index's FAQs for one query in the requested mode. */
export const rankFaqs = (index: FaqIndex, request: RankRequest, scorer: SemanticScorer = scorerFor(index)): RankedHit[] =>
  rankQuery(index, request, scorer).hits;
