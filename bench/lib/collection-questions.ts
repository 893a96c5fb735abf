import type { SyntheticCollection } from "./synthetic-collections";
import { seededRandom } from "./random";
import { zipfRanker, zipfSampler } from "./zipf";

export interface Question {
  /** The collection's popularity rank, 0 the most asked. */
  rank: number;
  text: string;
  /** One of the collection's few popular questions, asked again and again (the answer cache may hold it). */
  repeat: boolean;
}

export interface QuestionOptions {
  /** Zipf exponent over the collections' ranks. */
  s: number;
  seed: number;
  /** Share of questions that are one of the collection's popular ones. */
  repeatShare: number;
  popularEach: number;
}

const OPENINGS = ["how do I", "can I", "what is", "where do I find", "why does", "when can I"];

/**
 * A client's questions: the collection by a Zipf law over the ranks, and the
 * question from that collection's own words (picked by their frequency in
 * it): one of its `popularEach` popular questions with probability
 * `repeatShare`, else a new one. Seeded: each client draws the same sequence
 * at every run, and the popular questions are the same for every client.
 */
export function questionStream(collections: SyntheticCollection[], options: QuestionOptions): () => Question {
  const next = seededRandom(options.seed);
  const rankOf = zipfSampler(collections.length, options.s, next);
  // words are listed most frequent first
  const wordRank = collections.map((c) => zipfRanker(c.words.length, 1));
  const ask = (rank: number, draw: () => number) => {
    const { words } = collections[rank]!;
    const count = 2 + Math.floor(draw() * 4);
    return `${OPENINGS[Math.floor(draw() * OPENINGS.length)]} ${Array.from({ length: count }, () => words[wordRank[rank]!(draw())]).join(" ")}`;
  };
  const popular = collections.map((_, rank) => {
    const draw = seededRandom(7000 + rank);
    return Array.from({ length: options.popularEach }, () => ask(rank, draw));
  });
  return () => {
    const rank = rankOf();
    if (next() < options.repeatShare) return { rank, text: popular[rank]![Math.floor(next() * options.popularEach)]!, repeat: true };
    return { rank, text: ask(rank, next), repeat: false };
  };
}
