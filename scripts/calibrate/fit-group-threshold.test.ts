import { describe, expect, it } from "vitest";
import { fitGroupThreshold } from "./fit-group-threshold";

const unit = (angle: number) => new Float32Array([Math.cos(angle), Math.sin(angle)]);

describe("fitGroupThreshold", () => {
  it("is the 99.9th percentile of the cosines between queries about different FAQs, rounded up to 0.01", () => {
    // 1,001 queries about FAQ "a" (1,000 at angle 0, "c" at 0.9) and one about "b": 1,001 different pairs.
    // 1,000 of them have cosine cos(1.2) ~ 0.362, the pair c-b has cos(0.3) ~ 0.955.
    const queries = [
      ...Array.from({ length: 1000 }, (_, i) => ({ query: `a${i}`, relevant: ["a"] })),
      { query: "b", relevant: ["b"] },
      { query: "c", relevant: ["a"] },
    ];
    const vectors = new Map<string, Float32Array>([
      ...queries.slice(0, 1000).map((q) => [q.query, unit(0)] as [string, Float32Array]),
      ["b", unit(1.2)],
      ["c", unit(0.9)],
    ]);
    // the 99.9th percentile of 1,001 values is the 1,000th smallest: cos(1.2)
    expect(fitGroupThreshold(queries, vectors)).toBe(Math.ceil(Math.cos(1.2) * 100) / 100);
    // the 1,000 same-FAQ pairs a_i-c (cos(0.9) ~ 0.62) would have moved it to 0.63 had they counted
  });

  it("refuses a set whose queries all ask about one FAQ", () => {
    expect(() => fitGroupThreshold([{ query: "x", relevant: ["a"] }, { query: "y", relevant: ["a"] }], new Map())).toThrow(/two different FAQs/);
  });
});
