import type { TokenLanguage } from "../../src/search/tokenize";

// Words that make up a large share of any English text, and few of any other.
const ENGLISH_FUNCTION_WORDS = new Set(
  "the a an and or of to in on for with is are was be can do does how what why when where which who my your i you it this that not".split(" "),
);

/**
 * "en" when the texts read as English (at least 15% of their words are
 * common English function words: a share English FAQs pass easily and
 * German, French or Spanish ones come nowhere near), else "none": the English stemmer would mangle
 * other languages' words, and unstemmed words still match exactly.
 */
export function detectLanguage(texts: string[]): TokenLanguage {
  let words = 0;
  let english = 0;
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      words++;
      if (ENGLISH_FUNCTION_WORDS.has(word)) english++;
    }
  }
  return words > 0 && english / words >= 0.15 ? "en" : "none";
}
