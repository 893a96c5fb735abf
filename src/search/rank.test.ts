import { describe, expect, it } from "vitest";
import { buildIndex } from "../index-blob/build-index";
import { decodeIndex } from "../index-blob/decode";
import { matchLexical } from "./bm25";
import { fuse, lexicalStrength } from "./fuse";
import { rankFaqs } from "./rank";

describe("fusion", () => {
  it("measures word strength against a perfect match, capped at 1", () => {
    expect(lexicalStrength(2, 4)).toBe(0.5);
    expect(lexicalStrength(5, 4)).toBe(1);
    expect(lexicalStrength(3, 0)).toBe(0); // no query word is in the vocabulary
  });

  it("mixes cosine and strength with the index's weight", () => {
    expect(fuse(0.5, 1, 0.6)).toBeCloseTo(0.6 * 0.5 + 0.4, 12);
    expect(fuse(0.7, 0, 0.6)).toBeCloseTo(0.42, 12);
  });
});

const records = [
  { id: "1", question: "How do I reset my password?", answer: null, url: null, category: "Account" },
  { id: "2", question: "Where do I find invoices?", answer: null, url: null, category: "Billing" },
  { id: "3", question: "Can I change my plan?", answer: null, url: null, category: "billing" },
];
const vectors = [[1, 0, 0], [0, 1, 0], [0, 0.6, 0.8]];
const index = await decodeIndex((await buildIndex({ model: "m", builtAt: "t", dim: 3, records, vectors })).blob);
const query = (mode: "semantic" | "lexical" | "hybrid", text: string, vector: number[] | null, category: string | null = null) =>
  rankFaqs(index, { mode, query: text, queryVector: vector ? new Float32Array(vector) : null, k: 5, category });

describe("rankFaqs", () => {
  it("ranks by cosine in semantic mode", () => {
    expect(query("semantic", "anything", [0, 1, 0]).map((h) => [h.index, h.score])).toEqual([[1, 1], [2, Math.fround(0.6)], [0, 0]]);
  });

  const strengthOf = (text: string, row: number) => {
    const { scores, perfect } = matchLexical(index.lexical, text, index.count);
    return lexicalStrength(scores[row]!, perfect);
  };

  it("ranks by BM25 in lexical mode, dropping FAQs with no shared term", () => {
    const hits = query("lexical", "reset password", null);
    expect(hits).toEqual([{ index: 0, score: strengthOf("reset password", 0), semantic: null, lexical: strengthOf("reset password", 0) }]);
    expect(query("lexical", "unrelated zebra", null)).toEqual([]);
  });

  it("fuses both in hybrid mode and reports each part", () => {
    // Semantically closest is FAQ 2 (index 1), but the words match FAQ 3 (index 2).
    const hits = query("hybrid", "change plan", [0, 1, 0]);
    expect(hits.map((h) => h.index)).toEqual([2, 1, 0]);
    const strength = strengthOf("change plan", 2);
    expect(hits[0]).toEqual({ index: 2, score: fuse(Math.fround(0.6), strength, index.fusionAlpha), semantic: Math.fround(0.6), lexical: strength });
    expect(hits[1]).toEqual({ index: 1, score: fuse(1, 0, index.fusionAlpha), semantic: 1, lexical: 0 });
  });

  it("filters by category, ignoring case", () => {
    expect(query("semantic", "x", [1, 0, 0], "billing").map((h) => h.index)).toEqual([1, 2]);
    expect(query("semantic", "x", [1, 0, 0], "account").map((h) => h.index)).toEqual([0]);
    expect(query("semantic", "x", [1, 0, 0], "none")).toEqual([]);
  });
});
