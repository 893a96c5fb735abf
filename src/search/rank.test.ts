import { describe, expect, it } from "vitest";
import { buildIndex } from "../index-blob/build-index";
import { decodeIndex } from "../index-blob/decode";
import { fuseScores } from "./fuse";
import { rankFaqs } from "./rank";

describe("fuseScores", () => {
  it("mixes cosine with BM25 scaled by its maximum", () => {
    const fused = fuseScores(new Float32Array([0.5, 0.9, 0.1]), new Float32Array([4, 2, 0]), 0.6);
    [0.6 * 0.5 + 0.4 * 1, 0.6 * 0.9 + 0.4 * 0.5, 0.6 * 0.1].forEach((expected, i) => expect(fused[i]).toBeCloseTo(expected, 6));
  });

  it("keeps the semantic order when nothing matches lexically", () => {
    const fused = fuseScores(new Float32Array([0.2, 0.7]), new Float32Array([0, 0]), 0.6);
    [0.12, 0.42].forEach((expected, i) => expect(fused[i]).toBeCloseTo(expected, 6));
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

  it("ranks by BM25 in lexical mode, dropping FAQs with no shared term", () => {
    const hits = query("lexical", "reset password", null);
    expect(hits).toEqual([{ index: 0, score: 1, semantic: null, lexical: 1 }]);
    expect(query("lexical", "unrelated words", null)).toEqual([]);
  });

  it("fuses both in hybrid mode and reports each part", () => {
    // Semantically closest is FAQ 2 (index 1), but the words match FAQ 3 (index 2).
    const hits = query("hybrid", "change plan", [0, 1, 0]);
    expect(hits.map((h) => h.index)).toEqual([2, 1, 0]);
    expect(hits[0]).toEqual({ index: 2, score: Math.fround(0.6 * Math.fround(0.6) + 0.4), semantic: Math.fround(0.6), lexical: 1 });
  });

  it("filters by category, ignoring case", () => {
    expect(query("semantic", "x", [1, 0, 0], "billing").map((h) => h.index)).toEqual([1, 2]);
    expect(query("semantic", "x", [1, 0, 0], "account").map((h) => h.index)).toEqual([0]);
    expect(query("semantic", "x", [1, 0, 0], "none")).toEqual([]);
  });
});
