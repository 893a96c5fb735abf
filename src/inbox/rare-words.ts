import { findTerm, idfOf } from "../search/bm25";
import { tokenize, type TokenLanguage } from "../search/tokenize";

/** What the served index knows about how common its FAQs' words are (from its LexicalIndex). */
export interface FaqVocabulary {
  /** The terms of the FAQ questions, sorted. */
  terms: readonly string[];
  /** Each term's BM25 idf over the FAQs. */
  termIdf: ArrayLike<number>;
  /** How many FAQs the idf was computed over. */
  documents: number;
}

/** Shares above which a word is too common to say two questions ask the same thing. */
export interface CommonWordShares {
  /** Of the questions being grouped. Default 0.05. */
  amongQuestions: number;
  /** Of the index's FAQs. Default 0.1. */
  amongFaqs: number;
  /** A word in this many questions or fewer is never too common among them. Default 5. */
  fewQuestions: number;
}

/**
 * The questions know the words visitors use for everything ("account",
 * "card"); the FAQs know the site's subject ("medicare" on a Medicare site),
 * which a small inbox cannot tell from a rare word. On 1,000 questions the
 * questions' count does the work; on inboxes of 50 both together were
 * purest. In a small inbox 5% is a handful, so up to 5 questions may share a
 * word: fewer lost pair recall, more lost purity. docs/inbox.md says how
 * these were chosen.
 */
export const COMMON_WORD_SHARES: CommonWordShares = { amongQuestions: 0.05, amongFaqs: 0.1, fewQuestions: 5 };

// In an inbox of a few questions neither count can tell "you" from "canada"
// (both in 2 of 3 questions), and an index only knows its FAQ questions'
// words: the Medicare demo never says "you" or "to". So English function
// words never count. On 1,000 questions they change nothing: the counts
// already find them. Other languages rely on the counts alone.
const ENGLISH_FUNCTION_WORDS = `a an the and or but if then than so not no yes of to in on at by for from with without
  about into onto over under up down out off as is are was were be been being am do does did doing done have has had
  having will would shall should can could may might must i me my mine myself we us our ours you your yours he him his
  she her hers it its they them their theirs this that these those there here what which who whom whose when where why
  how all any some each every much many more most other such only own same too very just also again once please hi
  hello thanks thank ok okay get got`;
const functionTerms = new Set(tokenize(ENGLISH_FUNCTION_WORDS, "en"));

/**
 * Each text's rare terms, as ascending term numbers (equal numbers, equal
 * terms): its words cut as the index cuts them (`language`), without
 * English function words (language "en"), words in more than
 * `shares.amongQuestions` of the texts (and more than 2), and words in more
 * than `shares.amongFaqs` of the FAQs of `vocabulary`.
 */
export function rareWords(texts: string[], language: TokenLanguage, vocabulary: FaqVocabulary | null, shares = COMMON_WORD_SHARES): Int32Array[] {
  const numberOf = new Map<string, number>();
  const documentFrequency: number[] = [];
  const termsOf = texts.map((text) => {
    const numbers = new Set<number>();
    for (const term of tokenize(text, language)) {
      let number = numberOf.get(term);
      if (number === undefined) {
        number = numberOf.size;
        numberOf.set(term, number);
        documentFrequency.push(0);
      }
      if (!numbers.has(number)) documentFrequency[number]!++;
      numbers.add(number);
    }
    return numbers;
  });
  const mostQuestions = Math.max(shares.fewQuestions, shares.amongQuestions * texts.length);
  // BM25's idf falls as a term's FAQ count rises: below the idf of that share, a term is in more FAQs
  const faqIdfBar = vocabulary ? idfOf(vocabulary.documents, shares.amongFaqs * vocabulary.documents) - 1e-6 : null;
  const rare = new Uint8Array(numberOf.size);
  for (const [term, number] of numberOf) {
    if (language === "en" && functionTerms.has(term)) continue;
    if (documentFrequency[number]! > mostQuestions) continue;
    if (vocabulary && faqIdfBar !== null) {
      const at = findTerm(vocabulary.terms, term);
      if (at >= 0 && vocabulary.termIdf[at]! < faqIdfBar) continue;
    }
    rare[number] = 1;
  }
  return termsOf.map((numbers) => Int32Array.from([...numbers].filter((n) => rare[n] === 1)).sort());
}
