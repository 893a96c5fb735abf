import type { FaqRecord } from "../../../src/faq-record";

/** A question made up from a collection's own FAQ, and the row it should find. */
export interface PseudoQuery {
  query: string;
  row: number;
  /** "words": the FAQ's question with words left out; "answer": a sentence of its answer. */
  style: "words" | "answer";
}

/**
 * FAQs a calibration draws pseudo-queries from, at most: spread evenly over
 * the collection, so that a 10k-FAQ collection costs the embedding calls of
 * a 200-FAQ one (docs/quality.md).
 */
export const MAX_CALIBRATION_FAQS = 200;
/**
 * A question keeps each of its words with this chance (at least one is
 * kept). Visitors ask in a few words: with 0.6, both sides found the FAQ of
 * nearly every pseudo-query, and the confidence fitted on them was too sure
 * of itself on real questions (ECE 0.134 on CovidFAQ); with 0.35 it is
 * below 0.1 on all three development sets (0.078, 0.094, 0.072; docs/quality.md).
 */
const KEEP_WORD = 0.35;
/**
 * Pseudo-queries of each kind drawn per FAQ. One draw left a 13-FAQ
 * collection with 26 examples, and the demo's answers moved across the
 * threshold with any small change; two cut that noise by about 30%
 * (the spread of a mean falls with the square root of the draws) for twice
 * the embedding calls (at most 4 x MAX_CALIBRATION_FAQS).
 */
export const DRAWS_PER_FAQ = 2;
/** Answer sentences are cut to this many words: visitors do not type paragraphs. */
const MAX_ANSWER_WORDS = 25;

// Scripts written without spaces: their pieces are pairs of characters, as the tokenizer cuts them.
const NO_SPACE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー]/u;

/** The words of a text, with runs of scripts written without spaces cut into pairs of characters. */
export function textPieces(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.match(/[\p{L}\p{N}\p{M}'’-]+/gu) ?? []) {
    if (!NO_SPACE.test(word)) {
      pieces.push(word);
      continue;
    }
    const chars = [...word];
    for (let i = 0; i < chars.length; i += 2) pieces.push(chars.slice(i, i + 2).join(""));
  }
  return pieces;
}

/** Pieces back into text: a space between words, none between pieces of a script written without spaces. */
const joinPieces = (pieces: string[]) =>
  pieces.reduce((text, piece) => (text === "" ? piece : NO_SPACE.test(piece[0]!) && NO_SPACE.test(text.at(-1)!) ? text + piece : `${text} ${piece}`), "");

/** The sentences of an answer long enough to ask with (four words or more). */
export const answerSentences = (answer: string) =>
  answer.split(/(?<=[.!?。！？])\s*|\n+/u).map((sentence) => sentence.trim()).filter((sentence) => textPieces(sentence).length >= 4);

/** A small deterministic generator: the same FAQs give the same pseudo-queries, so a rebuild re-embeds none of them. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The rows calibration draws from: all of them up to MAX_CALIBRATION_FAQS, else that many spread evenly. */
export function calibrationRows(count: number, max = MAX_CALIBRATION_FAQS): number[] {
  if (count <= max) return Array.from({ length: count }, (_, row) => row);
  return Array.from({ length: max }, (_, i) => Math.floor((i * count) / max));
}

/**
 * Pseudo-queries for a collection, with no visitor and no label: for each
 * sampled FAQ, DRAWS_PER_FAQ times, its question with words left out (how
 * visitors shorten), and where it has an answer, one of its first three
 * sentences (the FAQ in other words: the only paraphrase a collection
 * holds). Collections without answers get the first kind only. A draw that
 * repeats one already made for the same FAQ is not asked twice.
 */
export function pseudoQueries(records: readonly FaqRecord[], rows = calibrationRows(records.length)): PseudoQuery[] {
  const random = seeded(0x5eed);
  const queries: PseudoQuery[] = [];
  for (const row of rows) {
    const record = records[row]!;
    const words = textPieces(record.question);
    const sentences = record.answer ? answerSentences(record.answer) : [];
    const made = new Set<string>();
    const add = (query: string, style: PseudoQuery["style"]) => {
      if (made.has(query)) return;
      made.add(query);
      queries.push({ query, row, style });
    };
    for (let draw = 0; draw < DRAWS_PER_FAQ; draw++) {
      if (words.length >= 3) {
        const kept = words.filter(() => random() < KEEP_WORD);
        add(joinPieces(kept.length > 0 ? kept : [words[Math.floor(random() * words.length)]!]), "words");
      }
      if (sentences.length > 0) {
        const sentence = sentences[Math.floor(random() * Math.min(3, sentences.length))]!;
        add(joinPieces(textPieces(sentence).slice(0, MAX_ANSWER_WORDS)), "answer");
      }
    }
  }
  return queries;
}
