import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and keeps formulas from visitors as text", () => {
    expect(toCsv(["question", "count"], [
      ["plain", 2],
      ['say "hi", then', 1],
      ["=HYPERLINK(\"http://x\")", 1],
      ["-1+2", null],
      ["two\nlines", true],
    ])).toBe('question,count\r\nplain,2\r\n"say ""hi"", then",1\r\n"\'=HYPERLINK(""http://x"")",1\r\n"\'-1+2",\r\n"two\nlines",true\r\n');
  });
});
