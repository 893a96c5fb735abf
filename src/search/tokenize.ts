import { stem } from "./stem";

/** How words are reduced to terms: the English stemmer, or none (every other language). */
export type TokenLanguage = "en" | "none";

// Scripts written without spaces between words. They are cut into overlapping
// character pairs ("bigrams"): deterministic, so the seed (Node) and the
// Worker (workerd) agree on terms whatever ICU data either runtime has, which
// Intl.Segmenter's dictionaries would not promise.
const NO_SPACE = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}";
const WORDS = new RegExp(`[${NO_SPACE}ー]+|[[\\p{L}\\p{N}\\p{M}]--[${NO_SPACE}]]+(?:['’][\\p{L}]+)*`, "gv");
const NO_SPACE_RUN = new RegExp(`^[${NO_SPACE}ー]`, "v");
const ENGLISH_WORD = /^[a-z]+$/;

/** Lowercase, with Latin/Greek/Cyrillic accents folded ("Café" -> "cafe") but Japanese voicing marks kept ("が" stays). */
const fold = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/**
 * Splits text into search terms: lowercase, accents folded, words of
 * alphabetic scripts whole and scripts without spaces as character bigrams;
 * with language "en", English words are stemmed. No word is dropped as a
 * stopword: BM25's IDF already weighs common words down, and on real visitor
 * questions "how", "what" and "can" tell FAQs apart (docs/quality.md). The same function runs at build time and in the Worker.
 */
export function tokenize(text: string, language: TokenLanguage = "en"): string[] {
  const terms: string[] = [];
  for (const match of fold(text).matchAll(WORDS)) {
    const run = match[0];
    if (NO_SPACE_RUN.test(run)) {
      terms.push(...bigrams(run));
      continue;
    }
    const word = run.replace(/['’]s$/, "").replace(/['’]/g, "");
    if (word.length === 0) continue;
    terms.push(language === "en" && ENGLISH_WORD.test(word) ? stem(word) : word);
  }
  return terms;
}
