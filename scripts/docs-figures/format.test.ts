import { describe, expect, it } from "vitest";
import { BadValue, grouped, percent, sig3, table, utcDay, utcTime } from "./format";

describe("figure formats", () => {
  it("writes numbers as the docs do", () => {
    expect(grouped(27850)).toBe("27,850");
    expect(grouped(-1234567.891, 2)).toBe("-1,234,567.89");
    expect(grouped(999)).toBe("999");
    expect([35064775 / 1e6, 2.664979, 0.846417, 420, 0.0123].map(sig3)).toEqual(["35.1", "2.66", "0.846", "420", "0.0123"]);
    expect(percent(0.814, 1)).toBe("81.4%");
    expect(utcDay("2026-11-28T22:05:03.651Z")).toBe("2026-11-28");
    expect(utcTime("2026-11-28T22:05:03.651Z")).toBe("22:05 UTC");
    expect(table(["a", "b"], [["1", "2"]])).toBe("| a | b |\n| --- | --- |\n| 1 | 2 |");
  });

  it("refuses what is not a number or a time, rather than writing NaN or undefined into a page", () => {
    for (const value of [undefined, null, "12", Number.NaN, Number.POSITIVE_INFINITY]) expect(() => grouped(value)).toThrow(BadValue);
    expect(() => utcDay("yesterday")).toThrow(BadValue);
  });
});
