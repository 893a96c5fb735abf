import { matchSpans, type Found } from "./found";
import { digitGroups, digitRuns, JOINER } from "./separators";

// A code: chunks of letters and digits joined by single non-space joiners,
// with at least one digit (and, checked after, one letter): H1234-001,
// CMS-40B, E1234, v2.3.14. The digit is required inside the pattern so that
// ordinary words fail fast instead of each becoming a match to throw away.
const CHUNK = "[\\p{L}\\p{N}]";
const CODE = new RegExp(
  `(?<!${CHUNK}|${CHUNK}${JOINER})(?:${CHUNK}+${JOINER})*${CHUNK}*\\d${CHUNK}*(?:${JOINER}${CHUNK}+)*(?!${CHUNK}|${JOINER}${CHUNK})`,
  "gu",
);
const LETTER = /\p{L}/u;
// A software version: dotted, a short first part and a one-digit second part
// (10.0.19045, 120.0.6099.109, 16.0.17126.20132). Dotted phone numbers
// (555.123.4567, 1.800.633.4227) and 666.12.3456 have longer second parts.
const VERSION = new RegExp(
  `(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]${JOINER})\\d{1,3}\\.\\d\\.\\d{1,5}(?:\\.\\d{1,5})?(?![\\p{L}\\p{N}]|${JOINER}[\\p{L}\\p{N}])`,
  "gu",
);
const HEX_CODE = /(?<![\p{L}\p{N}])0x[0-9a-f]{1,8}(?![\p{L}\p{N}])/giu;
const LABELLED = new RegExp(
  "(?<=(?<![\\p{L}\\p{N}])(?:ISBN(?:-?1[03])?|ISSN|NDC|EAN(?:-?13)?|UPC|GTIN)\\p{Zs}?[:#]?\\p{Zs}?)"
    + "\\d+(?:[\\p{Pd}\\u2212\\p{Zs}]\\d+)*(?:[\\p{Pd}\\u2212]?[Xx])?(?![\\p{L}\\p{N}])",
  "giu",
);

/** EAN-13 check digit (ISBN-13 is an EAN-13): weights 1 and 3 alternating, sum divisible by 10. */
function passesEan13(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

// Printed ISBN-13s have five parts (978-0-306-40615-7): prefix, group,
// publisher, title, check digit. Unlabelled, only that shape is taken for
// one, so no card or account number is kept for passing EAN-13 by chance.
const isbn = (run: string) => {
  const groups = digitGroups(run);
  const digits = groups.join("");
  return groups.length === 5 && groups[4]!.length === 1 && digits.length === 13 && /^97[89]/.test(digits)
    && passesEan13(digits);
};

/**
 * Plan, form, product and error codes kept as written: a code mixing letters
 * and digits with fewer than nine digits (H1234-001, CMS-40B, E1234,
 * v2.3.14), a version number (10.0.19045), 0x80070005, whatever follows
 * ISBN, ISSN, NDC, EAN, UPC or GTIN, and an ISBN-13 printed in its five parts
 * with a valid check digit. A code with nine or more digits is an account or
 * member number in letters' clothing: [number].
 */
export function findKeptCodes(text: string): Found[] {
  const found = [
    ...matchSpans(text, VERSION, null),
    ...matchSpans(text, HEX_CODE, null),
    ...matchSpans(text, LABELLED, null),
    ...matchSpans(text, digitRuns(), null, (match) => isbn(match[0])),
  ];
  for (const match of text.matchAll(CODE)) {
    const code = match[0];
    const digits = code.replace(/\D/g, "").length;
    if (!LETTER.test(code)) continue;
    found.push({ start: match.index!, end: match.index! + code.length, kind: digits >= 9 ? "number" : null });
  }
  return found;
}
