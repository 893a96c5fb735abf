import type { Found } from "./found";

// Length of the IBAN of each country in the SWIFT IBAN registry (and Kosovo),
// country code and check digits included.
const LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 13616 check: country and check digits moved to the end, letters as 10-35, the number mod 97 is 1. */
export function passesMod97(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const char of moved) {
    const value = parseInt(char, 36);
    rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97;
  }
  return rest === 1;
}

const START = /(?<![\p{L}\p{N}])[A-Za-z]{2}[0-9]{2}/gu;
const ALNUM = /[A-Za-z0-9]/;
const GAP = /[\p{Zs}\p{Pd}]/u;

/** The end of an IBAN of `length` characters from `start`, one separator allowed between any two; -1 if none. */
function ibanEnd(text: string, start: number, length: number): number {
  let count = 0;
  let i = start;
  while (count < length && i < text.length) {
    if (ALNUM.test(text[i]!)) count++;
    else if (count === 0 || !GAP.test(text[i]!) || !ALNUM.test(text[i + 1] ?? "")) return -1;
    i++;
  }
  return count === length && !/[\p{L}\p{N}]/u.test(text[i] ?? "") ? i : -1;
}

/**
 * IBANs, as [iban]: a known country, its exact length, letters or digits in
 * groups of any size, and the mod-97 check. The same shape failing the check
 * is an account number with a typo: masked whole as [number], never as
 * "GB29 NWBK [number]", which kept the country, check digits and bank.
 */
export function findIbans(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(START)) {
    const start = match.index!;
    const length = LENGTHS[match[0].slice(0, 2).toUpperCase()];
    if (!length || (found.length > 0 && start < found[found.length - 1]!.end)) continue;
    const end = ibanEnd(text, start, length);
    if (end < 0) continue;
    const iban = text.slice(start, end).replace(/[^A-Za-z0-9]/g, "").toUpperCase();
    found.push({ start, end, kind: passesMod97(iban) ? "iban" : "number" });
  }
  return found;
}
