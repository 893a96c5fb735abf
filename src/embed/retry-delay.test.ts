import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-delay";

const failure = (status: number | null, body: unknown = null, retryAfterHeader: string | null = null) => ({ status, body, retryAfterHeader });

describe("retryDelayMs", () => {
  it("honours estimated_time on a 503", () => {
    expect(retryDelayMs(failure(503, { error: "loading", estimated_time: 1.5 }), 0, 100)).toBe(1500);
  });

  it("honours Retry-After in seconds or as a date on a 429", () => {
    expect(retryDelayMs(failure(429, null, "2"), 0, 100)).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryDelayMs(failure(429, null, "Thu, 01 Jan 2026 00:00:03 GMT"), 0, 100, now)).toBe(3000);
  });

  it("backs off exponentially without a hint", () => {
    expect([0, 1, 2].map((attempt) => retryDelayMs(failure(500), attempt, 100))).toEqual([100, 200, 400]);
    expect(retryDelayMs(failure(null), 1, 50)).toBe(100);
    expect(retryDelayMs(failure(429, null, "soon"), 0, 100)).toBe(100);
  });

  it("does not retry client errors", () => {
    for (const status of [400, 401, 403, 404, 413, 422]) expect(retryDelayMs(failure(status), 0, 100)).toBeNull();
  });
});
