import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

describe("widget.js", () => {
  it("is at most 6 KiB gzipped", () => {
    const gzipped = gzipSync(readFileSync("src/widget/faq-search.widget.js"), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
  });
});
