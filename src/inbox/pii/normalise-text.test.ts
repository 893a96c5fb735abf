import { describe, expect, it } from "vitest";
import { readLookalikes, toMatchingText } from "./normalise-text";

describe("toMatchingText", () => {
  it("leaves ASCII text as it is, with no offset map", () => {
    expect(toMatchingText("card 4111 1111")).toEqual({ text: "card 4111 1111", origin: null });
  });

  it("turns digits of other scripts into ASCII and maps each back to where it was, also outside the BMP", () => {
    const text = "a\u0664\u0661 \u{1d7cf}\u{1d7d0}b"; // Arabic-Indic 41, mathematical bold 12
    const matching = toMatchingText(text);
    expect(matching.text).toBe("a41 12b");
    expect(matching.origin).toEqual([0, 1, 2, 3, 4, 6, 8, 9]);
  });

  it.each([
    ["\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f", "0123456789"],
    ["\uff10\uff19", "09"],
    ["\u06f0\u06f9", "09"],
    ["\u0e51\u0e52", "12"],
  ])("reads %s as %s", (text, ascii) => {
    expect(toMatchingText(text).text).toBe(ascii);
  });
});

describe("readLookalikes", () => {
  it.each([
    ["555 l23 4567", "555 123 4567"],
    ["2O26", "2026"],
    ["call 555 I23", "call 555 123"],
    ["I lo O2 Oslo look", "I lo O2 Oslo look"],
    ["l1O", "l1O"],
    ["AB l23", "AB 123"],
    ["Xl23", "Xl23"],
  ])("%s -> %s", (text, read) => {
    expect(readLookalikes(text)).toBe(read);
  });
});
