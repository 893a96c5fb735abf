import { describe, expect, it } from "vitest";
import { fitGroupThreshold } from "./fit-group-threshold";

const unit = (angle: number) => new Float32Array([Math.cos(angle), Math.sin(angle)]);

describe("fitGroupThreshold", () => {
  it("is the 99th percentile of the cosines between queries about different FAQs, rounded up to 0.01", () => {
    // 101 queries about FAQ "a" at angle 0 and one about "b": 101 different pairs.
    // 100 of them have cosine cos(1.2) ~ 0.362, one has cos(0.3) ~ 0.955.
    const queries = [
      ...Array.from({ length: 100 }, (_, i) => ({ query: `a${i}`, relevant: ["a"] })),
      { query: "b", relevant: ["b"] },
      { query: "c", relevant: ["a"] },
    ];
    const vectors = new Map<string, Float32Array>([
      ...queries.slice(0, 100).map((q) => [q.query, unit(0)] as [string, Float32Array]),
      ["b", unit(1.2)],
      ["c", unit(0.9)],
    ]);
    // different pairs: 100 at cos(1.2) and c-b at cos(0.3); the 99th percentile of 101 values is the 100th smallest
    expect(fitGroupThreshold(queries, vectors)).toBe(Math.ceil(Math.cos(1.2) * 100) / 100);
    // same-FAQ pairs (a_i with c, cos(0.9) ~ 0.62) play no part
    vectors.set("c", unit(0.1));
    expect(fitGroupThreshold(queries, vectors)).toBe(0.37);
  });

  it("refuses a set whose queries all ask about one FAQ", () => {
    expect(() => fitGroupThreshold([{ query: "x", relevant: ["a"] }, { query: "y", relevant: ["a"] }], new Map())).toThrow(/two different FAQs/);
  });
});
