import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { inScript, script } from "./test-generators";

// A North American number: area code and exchange start with 2-9.
const part = (length: number) => fc.tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 10 ** (length - 1) - 1 }))
  .map(([first, rest]) => `${first}${String(rest).padStart(length - 1, "0")}`);
const DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2212", ".", " ", "\u00a0", "\u3000"];
const FORMATS = [
  (a: string, b: string, c: string, s: string) => `(${a}) ${b}${s}${c}`,
  (a: string, b: string, c: string, s: string) => `${a}${s}${b}${s}${c}`,
  (a: string, b: string, c: string, s: string) => `+1 ${a}${s}${b}${s}${c}`,
  (a: string, b: string, c: string, s: string) => `1${s}${a}${s}${b}${s}${c}`,
  (a: string, b: string, c: string) => `${a}${b}${c}`,
];
const sentence = (phone: string) => `please call me on ${phone} after six`;

describe("phone numbers", () => {
  it("masks a US number as [phone] in the usual formats, with any dash or space, in any script", () => {
    fc.assert(
      fc.property(part(3), part(3), part(4), fc.constantFrom(...FORMATS), fc.constantFrom(...DASHES), script, (a, b, c, format, dash, zero) => {
        expect(maskPersonalData(sentence(inScript(format(a, b, c, dash), zero)))).toBe(sentence("[phone]"));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["call (555) 123-4567 now", "call [phone] now"],
    ["call 555 l23 4567", "call [phone]"],
    ["call me on +44 (20) 7946-0958", "call me on [phone]"],
    ["+44 20 7946 0958 is my office", "[phone] is my office"],
    ["Berlin +49 30 901820", "Berlin [phone]"],
    ["+33 6 12 34 56 78", "[phone]"],
    ["Is 1-800-633-4227 the right number?", "Is [phone] the right number?"],
    ["call ५५५ १२३ ४५६७", "call [phone]"],
    // a UK number written nationally is not a US one: the fallback masks it
    ["call 0171 234 5678", "call [number]"],
    // seven digits: a local number, below what the finder takes without an area code
    ["call 555-1234", "call [number]"],
    // the calling code, or a trunk prefix, before the number, but not both: "11 212 ..." dials nowhere
    ["call 1 212 555 0100", "call [phone]"],
    ["call 011 44 20 7946 0958", "call [phone]"],
    ["call 11 212 555 0100", "call [number]"],
    // dialled abroad without "+": believed only when valid there
    ["call 011 33 6 12 34 56 78", "call [phone]"],
    ["call 011 1 212 555 0100", "call [phone]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it("reads numbers without + as another country's when told to", () => {
    expect(maskPersonalData("call 0171 234 5678", { defaultCountry: "GB" })).toBe("call [phone]");
    expect(maskPersonalData("call 020 7946 0958", { defaultCountry: "GB" })).toBe("call [phone]");
    expect(maskPersonalData("call 0044 20 7946 0958", { defaultCountry: "GB" })).toBe("call [phone]");
    expect(maskPersonalData("call 44 0 20 7946 0958", { defaultCountry: "GB" })).toBe("call [number]");
    // the trunk 0 in brackets, as numbers are printed for callers at home and abroad alike
    expect(maskPersonalData("call 0044 (0)20 7946 0958", { defaultCountry: "GB" })).toBe("call [phone]");
    expect(maskPersonalData("call 44 (0)20 7946 0958", { defaultCountry: "GB" })).toBe("call [phone]");
    expect(maskPersonalData("call 011 44 (0)20 7946 0958")).toBe("call [phone]");
  });
});
