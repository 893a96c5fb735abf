import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { inScript, script } from "./test-generators";

const pad2 = (n: number, padded: boolean) => (padded ? String(n).padStart(2, "0") : String(n));
const DATE_SEPS = ["/", ".", "-", "\u2013", "\u2011", "\u2212"];
const unchanged = (text: string) => expect(maskPersonalData(text)).toBe(text);

describe("what is kept", () => {
  it("keeps dates: month and day either way round, or year first; four- or two-digit years; any script", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom(...DATE_SEPS), fc.integer({ min: 0, max: 3 }), fc.boolean(), script,
        (month, day, year, sep, order, padded, zero) => {
          const [m, d] = [pad2(month, padded), pad2(day, padded)];
          const date = [
            `${m}${sep}${d}${sep}${year}`, `${d}${sep}${m}${sep}${year}`, `${year}${sep}${m}${sep}${d}`, `${m}${sep}${d}${sep}${String(year).slice(2)}`,
          ][order]!;
          unchanged(`Does enrollment end on ${inScript(date, zero)}?`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps a date with a time after it", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
      (year, month, day, hour, minute, second) => {
        const time = `${hour}:${pad2(minute, true)}${second === undefined ? "" : `:${pad2(second, true)}`}`;
        unchanged(`called on ${year}-${pad2(month, true)}-${pad2(day, true)} ${time} and again at ${time}`);
      },
    ));
  });

  it.each([
    "Does open enrollment run from 10/15/2026 12/07/2026?",
    "Is it 2026-12-07 2026-12-08 or later?",
    "Is Form 1040 04/15/2026 the deadline?",
    "Does Form 1040 2025-2026 apply?",
    "Is Form 1040 04/15/2026 2 copies?",
    "Is 2018 2019-2020 2021 right?",
  ])("keeps a date beside a date or a short number: %s", (text) => {
    unchanged(text);
  });

  it.each([
    ["my card 3400-0000-0000 2000-04 was charged twice", "my card [number] was charged twice"],
    ["my card 3400 - 0000 - 0000 - 2000 - 04 was charged", "my card [number] was charged"],
    ["account 2000-04 1234 5678 9 please", "account [number] please"],
  ])("masks a date shape that ends or starts a long number across a space: %s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it("keeps spans of years", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1900, max: 2098 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom("-", "\u2013", "/", " - ", "\u2212"), fc.boolean(),
      (from, length, sep, short) => {
        const to = Math.min(from + length, 2099);
        unchanged(`Is the ${from}${sep}${short ? String(to).slice(2) : to} period still open?`);
      },
    ));
  });

  it("keeps prices and quantities with thousands separators", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1000, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(0, 1, 2, 3),
      (whole, cents, style) => {
        const grouped = (sep: string) => whole.toString().replace(/\B(?=(\d{3})+$)/g, sep);
        const price = [
          `$${grouped(",")}.${pad2(cents, true)}`, `${grouped(".")},${pad2(cents, true)} €`, `${grouped(",")} people`, `£${grouped("\u202f")}`,
        ][style]!;
        unchanged(`It costs ${price} a year`);
      },
    ));
  });

  it.each([
    "Does open enrollment run from 10/15/2026 to 12/07/2026?",
    "Is the 2025-2026 open enrollment period still open?",
    "Does plan H1234-001 cover dental?",
    "Is 2026-12-07 or 15.10.2026 the deadline?",
    "at 10:30 or 14:05:59",
    "costs $1,234.56 or 1.234,56 €",
    "premiums went up 12.5% or 7 %",
    "app v2.3.14 on Windows 10.0.19045 and Chrome 120.0.6099.109",
    "error 0x80070005 or E1234",
    "form CMS-40B and 1-800-MEDICARE",
    "NDC 0002-3227-30",
    "ISBN 978-0-306-40615-7 and 978-0-306-40615-7",
    "about 8,000,000 people",
    "do I get Medicare at 65 in 2026?",
    "form CMS-40B and 1-800",
  ])("keeps %s", (text) => {
    unchanged(text);
  });

  it.each([
    // a recognizer claims what would otherwise be kept: a Luhn-valid 16-digit run is a card even when dashed
    ["paid with 4111-1111-1111-1111", "paid with [card]"],
    // a code with nine digits or more is a member or account number
    ["member ABC123456789", "member [number]"],
    // an unlabelled 13-digit run that is not printed like an ISBN
    ["ref 9780306406157", "ref [number]"],
    // without its label an NDC is ten digits, a possible US phone number (leniency POSSIBLE checks the length only)
    ["NDC 0002-3227-30 vs 0002-3227-30", "NDC 0002-3227-30 vs [phone]"],
    // a no-break space groups thousands only beside a currency sign
    ["it costs €1\u00a0234\u00a0567,50", "it costs €1\u00a0234\u00a0567,50"],
    ["call 200\u00a0200\u00a02000", "call [phone]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
