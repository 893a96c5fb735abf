import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { inScript, joinGroups, script, separators } from "./test-generators";

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const written = (area: number, group: number, serial: number, unbroken: boolean, seps: string[], zero: number) => {
  const parts = [pad(area, 3), pad(group, 2), pad(serial, 4)];
  return inScript(unbroken ? parts.join("") : joinGroups(parts, seps), zero);
};
const ITIN_GROUPS = [...Array(100).keys()].filter((g) => (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94);
const NOT_ITIN_GROUPS = [...Array(100).keys()].filter((g) => !ITIN_GROUPS.includes(g));
const sentence = (id: string) => `is ${id} my number?`;
const format = fc.tuple(fc.boolean(), separators, script);

describe("US SSN and ITIN", () => {
  it("masks an SSN in range (area 001-899 but 666, group 01-99, serial 0001-9999) as [id]", () => {
    const area = fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666);
    fc.assert(
      fc.property(area, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }), format, (a, g, s, [unbroken, seps, zero]) => {
        expect(maskPersonalData(sentence(written(a, g, s, unbroken, seps, zero)))).toBe(sentence("[id]"));
      }),
      { numRuns: 300 },
    );
  });

  it("masks an ITIN (9xx, group 50-65, 70-88, 90-92 or 94-99) as [id]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 900, max: 999 }), fc.constantFrom(...ITIN_GROUPS), fc.integer({ min: 0, max: 9999 }), format, (a, g, s, [unbroken, seps, zero]) => {
        expect(maskPersonalData(sentence(written(a, g, s, unbroken, seps, zero)))).toBe(sentence("[id]"));
      }),
    );
  });

  it("masks nine digits outside both ranges as [number], not [id]", () => {
    const outside = fc.oneof(
      fc.tuple(fc.constantFrom(0, 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })),
      fc.tuple(fc.integer({ min: 1, max: 899 }), fc.constant(0), fc.integer({ min: 1, max: 9999 })),
      fc.tuple(fc.integer({ min: 1, max: 899 }), fc.integer({ min: 1, max: 99 }), fc.constant(0)),
      fc.tuple(fc.integer({ min: 900, max: 999 }), fc.constantFrom(...NOT_ITIN_GROUPS), fc.integer({ min: 0, max: 9999 })),
    );
    fc.assert(
      fc.property(outside, format, ([a, g, s], [unbroken, seps, zero]) => {
        expect(maskPersonalData(sentence(written(a, g, s, unbroken, seps, zero)))).toBe(sentence("[number]"));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["my SSN is 123–45–6789", "my SSN is [id]"],
    ["my SSN is 123−45−6789", "my SSN is [id]"],
    ["ITIN 912-70-1234", "ITIN [id]"],
    ["ssn 666-12-3456", "ssn [number]"],
    ["zip 20850-1234", "zip [number]"],
    // outside both ranges, and no phone number either: after 011 (dialling abroad from the US), +98 0000 is not a number Iran assigns (found by fast-check)
    ["is 011-98-0000 my number?", "is [number] my number?"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
