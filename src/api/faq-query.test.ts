import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseFaqParams } from "./faq-query";

const codeOf = (q: string | undefined, k?: string, extra: Record<string, string> = {}) => {
  try {
    parseFaqParams({ q, k, ...extra });
    return "ok";
  } catch (error) {
    return (error as ApiError).code;
  }
};

describe("parseFaqParams", () => {
  it("trims the query and defaults k to 5", () => {
    const defaults = { mode: "hybrid", category: null, minScore: null, collection: "default" };
    expect(parseFaqParams({ q: "  hello  " })).toEqual({ query: "hello", k: 5, ...defaults });
    expect(parseFaqParams({ q: "hello", k: "50" })).toEqual({ query: "hello", k: 50, ...defaults });
    expect(parseFaqParams({ q: "hello", k: "007" })).toEqual({ query: "hello", k: 7, ...defaults });
  });

  it("limits the query to 500 code points", () => {
    expect(codeOf("x".repeat(500))).toBe("ok");
    expect(codeOf("x".repeat(501))).toBe("query_too_long");
    expect(codeOf("👍".repeat(500))).toBe("ok");
    expect(codeOf("👍".repeat(501))).toBe("query_too_long");
  });

  it.each([undefined, "", " ", "\n\t"])("rejects the blank query %j", (q) => {
    expect(codeOf(q)).toBe("missing_query");
  });

  it.each(["0", "51", "-1", "1.0", "1e1", "0x5", " 5", "", "1000"])("rejects k=%j", (k) => {
    expect(codeOf("hello", k)).toBe("invalid_k");
  });
});

describe("mode, category and min_score", () => {
  it("parses them", () => {
    expect(parseFaqParams({ q: "x", mode: "lexical", category: " Billing ", min_score: "0.35" })).toEqual({
      query: "x", k: 5, mode: "lexical", category: "billing", minScore: 0.35, collection: "default",
    });
    expect(parseFaqParams({ q: "x", collection: "help-de" }).collection).toBe("help-de");
    expect(parseFaqParams({ q: "x", collection: "" }).collection).toBe("default");
    expect(parseFaqParams({ q: "x", category: "  ", min_score: "-1" })).toMatchObject({ category: null, minScore: -1 });
  });

  it.each([
    [{ mode: "fuzzy" }, "invalid_mode"],
    [{ mode: "" }, "invalid_mode"],
    [{ category: "c".repeat(101) }, "invalid_category"],
    [{ min_score: "1.5" }, "invalid_min_score"],
    [{ collection: "Help" }, "invalid_collection"],
    [{ collection: "-x" }, "invalid_collection"],
    [{ min_score: "abc" }, "invalid_min_score"],
    [{ min_score: "" }, "invalid_min_score"],
    [{ min_score: "1e-3" }, "invalid_min_score"],
  ])("rejects %j with %s", (extra, code) => {
    expect(codeOf("x", undefined, extra as Record<string, string>)).toBe(code);
  });
});
