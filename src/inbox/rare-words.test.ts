import { describe, expect, it } from "vitest";
import { buildLexicalIndex } from "../search/bm25";
import { tokenize, type TokenLanguage } from "../search/tokenize";
import { rareWords, type CommonWordShares, type FaqVocabulary } from "./rare-words";

/** Each text's rare terms as terms, for reading: numbers follow the terms' first appearance. */
function rareTerms(texts: string[], language: TokenLanguage, ...rest: [FaqVocabulary | null, CommonWordShares?]): string[][] {
  const terms = [...new Set(texts.flatMap((text) => tokenize(text, language)))];
  return rareWords(texts, language, ...rest).map((numbers) => [...numbers].map((n) => terms[n]!));
}

describe("rareWords", () => {
  it("leaves out English function words but keeps every word of another language", () => {
    expect(rareTerms(["do you ship to canada"], "en", null)).toEqual([["ship", "canada"]]);
    expect(rareTerms(["do you ship to canada"], "none", null)).toEqual([["do", "you", "ship", "to", "canada"]]);
  });

  it("leaves out words in more than 5% of the questions, and more than 5 of them", () => {
    // "refund" and "card" are in all 6 questions; "xa" to "xf" in one each
    const six = ["xa", "xb", "xc", "xd", "xe", "xf"].map((word) => `refund card ${word}`);
    expect(rareWords(six, "none", null).map((list) => list.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(rareWords(six.slice(0, 5), "none", null).map((list) => list.length)).toEqual([3, 3, 3, 3, 3]);
  });

  it("leaves out words in more than 10% of the index's FAQs", () => {
    const faqs = ["medicare card", "medicare premium", "medicare parts", "sign up"].map((text) => [{ text, weight: 1 }]);
    const lexical = buildLexicalIndex(faqs, { language: "none" });
    const vocabulary = { terms: lexical.terms, termIdf: lexical.termIdf, documents: 4 };
    // "medicare" is in 3 FAQs of 4; at a share of 0.8 it would count
    expect(rareTerms(["medicare travel abroad"], "none", vocabulary)).toEqual([["travel", "abroad"]]);
    expect(rareTerms(["medicare travel abroad"], "none", vocabulary, { amongQuestions: 0.05, amongFaqs: 0.8, fewQuestions: 5 })).toEqual([["medicare", "travel", "abroad"]]);
  });

  it("numbers equal terms equally, ascending within each text", () => {
    const [a, b] = rareWords(["paris trains", "train paris"], "en", null);
    expect([...a!]).toEqual([0, 1]);
    expect([...b!]).toEqual([0, 1]);
  });
});
