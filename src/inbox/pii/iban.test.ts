import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { passesMod97 } from "./iban";
import { iban, joinGroups } from "./test-generators";

const SPACERS = ["\u0020", "\u00a0", "\u202f", "-", "\u2011", "\u2013"];
/** Printed unbroken or in groups of four, upper or lower case. */
const written = (text: string, grouped: boolean, spacer: string, lower: boolean) => {
  const shown = lower ? text.toLowerCase() : text;
  return grouped ? joinGroups(shown.match(/.{1,4}/g)!, Array(10).fill(spacer)) : shown;
};
const format = fc.tuple(fc.boolean(), fc.constantFrom(...SPACERS), fc.boolean());
const sentence = (account: string) => `please refund ${account} today`;

/** `text` with the BBAN character at `at` replaced by another of its kind (digit for digit, letter for letter). */
function changeBban(text: string, at: number, delta: number): string {
  const i = 4 + (at % (text.length - 4));
  const char = text[i]!;
  const other = /\d/.test(char)
    ? String((Number(char) + (delta % 9) + 1) % 10)
    : String.fromCharCode(65 + ((char.charCodeAt(0) - 65 + (delta % 25) + 1) % 26));
  return text.slice(0, i) + other + text.slice(i + 1);
}

describe("IBANs", () => {
  it("masks a valid IBAN of any of 38 countries as one [iban], grouped or not, either case", () => {
    fc.assert(
      fc.property(iban, format, (account, [grouped, spacer, lower]) => {
        expect(passesMod97(account)).toBe(true);
        expect(maskPersonalData(sentence(written(account, grouped, spacer, lower)))).toBe(sentence("[iban]"));
      }),
      { numRuns: 300 },
    );
  });

  it("masks an IBAN with one BBAN character changed (mod-97 catches it) as one [number]", () => {
    fc.assert(
      fc.property(iban, fc.nat(), fc.nat(), format, (account, at, delta, [grouped, spacer, lower]) => {
        const wrong = changeBban(account, at, delta);
        expect(passesMod97(wrong)).toBe(false);
        expect(maskPersonalData(sentence(written(wrong, grouped, spacer, lower)))).toBe(sentence("[number]"));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["IBAN GB29 NWBK 6016 1331 9268 19", "IBAN [iban]"],
    ["IBAN GB29 NWBK 6016 1331 9268 18", "IBAN [number]"],
    ["pay to DE89370400440532013000 now", "pay to [iban] now"],
    // too short for Germany: not an IBAN shape, and its long digit run is a number
    ["DE89 3704 0044 0532 0130", "DE89 [number]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
