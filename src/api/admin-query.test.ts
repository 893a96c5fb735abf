import { describe, expect, it } from "vitest";
import { isRealMoment, sinceMs } from "./admin-query";

describe("isRealMoment", () => {
  it.each([
    ["2026-11-01", true],
    ["2024-02-29", true],
    ["2026-11-01T23:59:59.999Z", true],
    ["2026-11-01T10:00+01:00", true],
    ["2026-02-30", false],
    ["2025-02-29", false],
    ["2026-04-31", false],
    ["2026-00-10", false],
    ["2026-11-00", false],
    ["2026-11-01T24:00Z", false],
    ["2026-11-01T10:60Z", false],
    ["2026-11-01T10:00:61Z", false],
    ["2026-11-01T10:00", false],
    ["yesterday", false],
  ])("%s: %s", (value, real) => {
    expect(isRealMoment(value)).toBe(real);
  });

  it("reads a bare date as midnight UTC", () => {
    expect(sinceMs("2026-11-01")).toBe(Date.UTC(2026, 10, 1));
  });
});
