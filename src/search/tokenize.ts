import { stem } from "./stem";

/** Words too common to tell FAQs apart; dropping them keeps BM25 scores about content. */
const STOPWORDS = new Set(
  ("a an and are as at be but by can could did do does for from had has have how i if in into is it its me my " +
    "of on or our so that the their them then there these they this to was we were what when where which who " +
    "why will with would you your").split(" "),
);

/**
 * Splits text into search terms: Unicode-aware lowercase words and numbers,
 * accents folded, stopwords dropped, each word stemmed. The same function
 * runs at build time and in the Worker, so both sides agree on terms.
 */
export function tokenize(text: string): string[] {
  const folded = text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const terms: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0].replace(/['’]s$/, "").replace(/['’]/g, "");
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
