import { describe, expect, it } from "vitest";
import { withTypo } from "./typos";

/** Optimal string alignment distance, for checking that exactly one edit was made. */
function edits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("withTypo", () => {
  const queries = ["How do I reset my password?", "where is my parcel", "Can I change the delivery address after ordering?", "refund please"];

  it("makes exactly one edit in one word of five or more letters, the same every time", () => {
    for (const query of queries) {
      const typo = withTypo(query);
      expect(typo).not.toBe(query);
      expect(edits(query, typo), `${query} -> ${typo}`).toBe(1);
      expect(withTypo(query)).toBe(typo);
      const changed = query.split(" ").filter((word, i) => typo.split(" ")[i] !== word);
      expect(changed).toHaveLength(1);
      expect(changed[0]!.replace(/[^A-Za-z]/g, "").length).toBeGreaterThanOrEqual(5);
    }
  });

  it("leaves a query without a long enough word as it is", () => {
    expect(withTypo("how do I pay")).toBe("how do I pay");
  });
});
