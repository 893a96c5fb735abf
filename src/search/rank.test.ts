import { describe, expect, it } from "vitest";
import { buildIndex } from "../index-blob/build-index";
import { decodeIndex } from "../index-blob/decode";
import { matchLexical } from "./bm25";
import { fuse, lexicalStrength } from "./fuse";
import { rankFaqs, rankQuery } from "./rank";

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

describe("rankQuery's signals for confidence", () => {
  const strength = (text: string, row: number) => {
    const { scores, perfect } = matchLexical(index.lexical, text, index.count);
    return lexicalStrength(scores[row]!, perfect);
  };

  it("describes the first result and each side's own lead, on the hybrid scale", () => {
    // "change plan" matches FAQ 3 (row 2) by words; the vector points at FAQ 2 (row 1)
    const ranking = rankQuery(index, { mode: "hybrid", query: "change plan", queryVector: new Float32Array([0, 1, 0]), k: 2, category: null });
    const s2 = strength("change plan", 2);
    const fused2 = fuse(Math.fround(0.6), s2, index.fusionAlpha);
    const fused1 = fuse(1, 0, index.fusionAlpha);
    expect(ranking.features()).toEqual({
      fusedTop: fused2,
      fusedLead: fused2 - fused1,
      cosineTop: Math.fround(0.6),
      semanticLead: 1 - Math.fround(0.6),
      lexicalTop: s2,
      lexicalLead: s2,
      sidesAgree: 0,
      knownShare: 1,
    });
  });

  it("matches words for the signals in semantic mode, counts the query's unknown words, and has none in lexical mode", () => {
    const semantic = rankQuery(index, { mode: "semantic", query: "reset password zebra", queryVector: new Float32Array([1, 0, 0]), k: 2, category: null });
    expect(semantic.hits[0]!.lexical).toBeNull();
    expect(semantic.features()).toMatchObject({ cosineTop: 1, lexicalTop: strength("reset password zebra", 0), sidesAgree: 1, knownShare: 2 / 3 });
    expect(rankQuery(index, { mode: "lexical", query: "reset password", queryVector: null, k: 2, category: null }).features()).toBeNull();
  });

  it("leaves excluded rows out of the hits and of each side's lead", () => {
    const ranking = rankQuery(index, { mode: "hybrid", query: "anything", queryVector: new Float32Array([0, 1, 0]), k: 3, category: null, exclude: new Set([1]) });
    expect(ranking.hits.map((hit) => hit.index)).toEqual([2, 0]);
    // cosines left: 0.6 (row 2) and 0 (row 0)
    expect(ranking.features()).toMatchObject({ cosineTop: Math.fround(0.6), semanticLead: Math.fround(0.6), knownShare: 0, sidesAgree: 0 });
  });
});
