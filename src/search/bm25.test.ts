import { describe, expect, it } from "vitest";
import { TYPO_FACTOR, buildLexicalIndex, matchLexical, type LexicalIndex } from "./bm25";
import { stem } from "./stem";
import { tokenize } from "./tokenize";

/** BM25 of every document for `query`. */
const scoreLexical = (index: LexicalIndex, query: string, documentCount: number) => matchLexical(index, query, documentCount).scores;
const single = (texts: string[], options = {}) => buildLexicalIndex(texts.map((text) => [{ text, weight: 1 }]), options);

describe("tokenize", () => {
  it("lowercases, folds accents, drops punctuation, stems English, and keeps every word", () => {
    expect(tokenize("How do I DELETE my Café's accounts?!")).toEqual(["how", "do", "i", "delet", "my", "cafe", "account"]);
    expect(tokenize("GitHub Markdown: strike-through")).toEqual(["github", "markdown", "strik", "through"]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize("Договор 42")).toEqual(["договор", "42"]);
  });

  it("stems only with language en", () => {
    expect(tokenize("Wie kündige ich meinen Vertrag?", "none")).toEqual(["wie", "kundige", "ich", "meinen", "vertrag"]);
    expect(tokenize("deleting accounts", "none")).toEqual(["deleting", "accounts"]);
  });

  it("cuts scripts written without spaces into character bigrams, alone or inside other text", () => {
    expect(tokenize("如何重置密码")).toEqual(["如何", "何重", "重置", "置密", "密码"]);
    expect(tokenize("パスワードを変更")).toEqual(["パス", "スワ", "ワー", "ード", "ドを", "を変", "変更"]);
    expect(tokenize("abc日本語def 字")).toEqual(["abc", "日本", "本語", "def", "字"]);
    // Japanese voicing marks are part of the letter, not an accent to fold
    expect(tokenize("がぎ")).toEqual(["がぎ"]);
  });

  it("stems inflections of a word to one term", () => {
    const stems = ["deleting", "deleted", "deletes", "delete"].map(stem);
    expect(new Set(stems).size).toBe(1);
    expect(["stopped", "stopping", "stops"].map(stem)).toEqual(["stop", "stop", "stop"]);
    expect(["policies", "policy"].map(stem)).toEqual(["policy", "policy"]);
    expect(["class", "status", "is", "2fa"].map(stem)).toEqual(["class", "status", "is", "2fa"]);
  });
});

describe("BM25", () => {
  // Three documents: "apple banana", "apple apple cherry", "durian".
  const index = single(["apple banana", "apple apple cherry", "durian"]);
  const idf = (df: number) => Math.log(1 + (3 - df + 0.5) / (df + 0.5));
  const avgdl = (2 + 3 + 1) / 3;
  const weight = (tf: number, dl: number, df: number) => (idf(df) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * dl) / avgdl));

  it("matches the BM25 formula (k1 = 1.2, b = 0.75, idf with the plus-one)", () => {
    const scores = scoreLexical(index, "apple", 3);
    expect(scores[0]).toBeCloseTo(weight(1, 2, 2), 6);
    expect(scores[1]).toBeCloseTo(weight(2, 3, 2), 6);
    expect(scores[2]).toBe(0);
    const both = scoreLexical(index, "apple cherry", 3);
    expect(both[1]).toBeCloseTo(weight(2, 3, 2) + weight(1, 3, 1), 6);
  });

  it("counts a repeated query term once and ignores unknown terms", () => {
    expect(Array.from(scoreLexical(index, "apple apple zebra", 3))).toEqual(Array.from(scoreLexical(index, "apple", 3)));
    expect(Array.from(scoreLexical(index, "zebra", 3))).toEqual([0, 0, 0]);
  });

  it("weights fields: a question match outranks the same word in an answer", () => {
    const fielded = buildLexicalIndex([
      [{ text: "refund policy", weight: 3 }, { text: "contact us", weight: 1 }],
      [{ text: "contact us", weight: 3 }, { text: "refund policy", weight: 1 }],
    ]);
    const scores = scoreLexical(fielded, "refund", 2);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(0);
  });

  it("stores sorted terms with their postings", () => {
    expect(index.terms).toEqual(["appl", "banana", "cherry", "durian"]);
    expect(Array.from(index.postingStart)).toEqual([0, 2, 3, 4, 5]);
    expect(Array.from(index.postingDoc)).toEqual([0, 1, 0, 1, 2]);
  });
});

describe("BM25 document frequency", () => {
  it("counts words of zero-weight fields in idf but gives them no postings", () => {
    // "login" appears in both answers, so it is common; "sso" only in one question.
    const index = buildLexicalIndex([
      [{ text: "sso login", weight: 1 }, { text: "login page", weight: 0 }],
      [{ text: "password login", weight: 1 }, { text: "login help", weight: 0 }],
    ]);
    expect(index.terms).toEqual(["login", "password", "sso"]);
    const idf = (df: number) => Math.log(1 + (2 - df + 0.5) / (df + 0.5));
    const scores = scoreLexical(index, "login", 2);
    expect(scores[0]).toBeCloseTo(idf(2) * 2.2 / (1 + 1.2), 6);
    expect(Array.from(scoreLexical(index, "page", 2))).toEqual([0, 0]);
  });
});

describe("how strongly the words matched", () => {
  it("gives the score a document holding the query's words once, at average length, would get", () => {
    const index = single(["reset password", "change plan", "invoice download"]);
    const { scores, perfect } = matchLexical(index, "reset password", 3);
    const idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    expect(perfect).toBeCloseTo(2 * idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 2)), 5);
    // this document is exactly such a document
    expect(scores[0]).toBeCloseTo(perfect, 5);
    expect(matchLexical(index, "zebra crossing", 3).perfect).toBe(0);
  });
});

describe("typos", () => {
  const index = single(["forgotten password", "international shipping costs", "subscription renewal"]);

  it("matches a misspelt word of 5 or more letters to a term one edit away, below an exact match", () => {
    const exact = scoreLexical(index, "password", 3)[0]!;
    for (const typo of ["pasword", "passwrod", "passwordd", "passwird"]) {
      const scores = scoreLexical(index, typo, 3);
      expect(scores[0], typo).toBeCloseTo(exact * TYPO_FACTOR[1]!, 5);
      expect(scores[1]).toBe(0);
    }
  });

  it("allows two edits from 9 letters, and none below 5", () => {
    const exact = scoreLexical(index, "subscription", 3)[2]!;
    expect(scoreLexical(index, "subscrpitoin", 3)[2]).toBeCloseTo(exact * TYPO_FACTOR[2]!, 5); // two transpositions
    expect(Array.from(scoreLexical(index, "pasxwxrd", 3))).toEqual([0, 0, 0]); // two edits in 8 letters
    const short = single(["cost", "costs"]);
    expect(Array.from(scoreLexical(short, "cosy", 2))).toEqual([0, 0]);
  });

  it("never fuzzes a word the vocabulary knows", () => {
    const near = single(["plans", "plane"], { language: "none" });
    const scores = scoreLexical(near, "plans", 2);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[1]).toBe(0);
  });
});

describe("synonyms", () => {
  const docs = ["how do I get my money back", "cancel my subscription", "refund policy for gifts"];

  it("matches any phrase of a group, counting the group once", () => {
    const plain = single(docs);
    const withSynonyms = single(docs, { synonyms: [["refund", "money back", "reimbursement"]] });
    expect(scoreLexical(plain, "reimbursement", 3)[0]).toBe(0);
    const scores = scoreLexical(withSynonyms, "reimbursement please", 3);
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[2]).toBeGreaterThan(0);
    expect(scores[1]).toBe(0);
    // a query holding two phrases of one group is not scored twice for it
    expect(scoreLexical(withSynonyms, "refund", 3)[2]).toBeCloseTo(scoreLexical(withSynonyms, "refund money back", 3)[2]!, 5);
  });
});
