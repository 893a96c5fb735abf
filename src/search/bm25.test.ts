import { describe, expect, it } from "vitest";
import { buildLexicalIndex, scoreLexical } from "./bm25";
import { stem } from "./stem";
import { tokenize } from "./tokenize";

const single = (texts: string[], options = {}) => buildLexicalIndex(texts.map((text) => [{ text, weight: 1 }]), options);

describe("tokenize", () => {
  it("lowercases, folds accents, drops stopwords and punctuation, stems", () => {
    expect(tokenize("How do I DELETE my Café's accounts?!")).toEqual(["delet", "cafe", "account"]);
    expect(tokenize("GitHub Markdown: strike-through")).toEqual(["github", "markdown", "strik", "through"]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize("Договор 42, 日本")).toEqual(["договор", "42", "日本"]);
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
