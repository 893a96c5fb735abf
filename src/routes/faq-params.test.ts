import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseFaqParams } from "./faq-params";

const codeOf = (q: string | undefined, k?: string) => {
  try {
    parseFaqParams(q, k);
    return "ok";
  } catch (error) {
    return (error as ApiError).code;
  }
};

describe("parseFaqParams", () => {
  it("trims the query and defaults k to 5", () => {
    expect(parseFaqParams("  hello  ", undefined)).toEqual({ query: "hello", k: 5 });
    expect(parseFaqParams("hello", "50")).toEqual({ query: "hello", k: 50 });
    expect(parseFaqParams("hello", "007")).toEqual({ query: "hello", k: 7 });
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
