import { describe, expect, it } from "vitest";
import { paramsTag } from "./params-tag";

describe("paramsTag", () => {
  it("is 16 hex digits, the same for the same text", () => {
    expect(paramsTag('{"query":"a"}')).toMatch(/^[0-9a-f]{16}$/);
    expect(paramsTag('{"query":"a"}')).toBe(paramsTag('{"query":"a"}'));
  });

  it("gives the FNV-1a 32-bit value of the text in its first lane", () => {
    // FNV-1a 32 of "a" is e40c292c, of "" the offset basis 811c9dc5
    expect(paramsTag("a").slice(0, 8)).toBe("e40c292c");
    expect(paramsTag("").slice(0, 8)).toBe("811c9dc5");
  });

  it("tells apart 20,000 parameter sets that differ in one character or in k", () => {
    const tags = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      tags.add(paramsTag(JSON.stringify({ query: `question ${i}`, k: 5 })));
      tags.add(paramsTag(JSON.stringify({ query: `question ${i}`, k: 4 })));
    }
    expect(tags.size).toBe(20_000);
  });
});
