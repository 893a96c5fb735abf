import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";

// CMS format, position by position: C A AN N A AN N A A N N.
const LETTERS = "ACDEFGHJKMNPQRTUVWXY";
const FORBIDDEN = "SLOIBZ";
const letter = fc.constantFrom(...LETTERS);
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const either = fc.oneof(letter, digit);
const mbi = fc
  .tuple(fc.integer({ min: 1, max: 9 }).map(String), letter, either, digit, letter, either, digit, letter, letter, digit, digit)
  .map((chars) => chars.join(""));
const ALPHA_POSITIONS = [1, 4, 7, 8];

const GAPS = ["", "-", " ", "\u2013", "\u2011", ".", "/", "\u00a0"];
const written = (id: string, gap: string, lower: boolean) => {
  const text = `${id.slice(0, 4)}${gap}${id.slice(4, 7)}${gap}${id.slice(7)}`;
  return lower ? text.toLowerCase() : text;
};
const sentence = (id: string) => `my Medicare number is ${id}, is it active?`;

describe("Medicare Beneficiary Identifiers", () => {
  it("masks an MBI built by the position rules as [id], with or without separators, either case", () => {
    fc.assert(
      fc.property(mbi, fc.constantFrom(...GAPS), fc.boolean(), (id, gap, lower) => {
        expect(maskPersonalData(sentence(written(id, gap, lower)))).toBe(sentence("[id]"));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the same shape with S, L, O, I, B or Z in a letter position, or 0 first: it is a code, not an MBI", () => {
    const broken = fc.oneof(
      fc.tuple(mbi, fc.constantFrom(...ALPHA_POSITIONS), fc.constantFrom(...FORBIDDEN))
        .map(([id, at, bad]) => id.slice(0, at) + bad + id.slice(at + 1)),
      mbi.map((id) => `0${id.slice(1)}`),
    );
    fc.assert(
      fc.property(broken, fc.constantFrom(...GAPS), fc.boolean(), (id, gap, lower) => {
        const text = sentence(written(id, gap, lower));
        expect(maskPersonalData(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["my MBI is 1EG4-TE5-MK73", "my MBI is [id]"],
    ["1EG4TE5MK73", "[id]"],
    ["1eg4 te5 mk73 please", "[id] please"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
