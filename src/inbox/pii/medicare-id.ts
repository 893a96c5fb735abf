import { matchSpans, type Found } from "./found";
import { JOINER } from "./separators";

// CMS's Medicare Beneficiary Identifier: 11 characters, C A AN N A AN N A A N N,
// where C is 1-9, N is 0-9, A is a letter other than S, L, O, I, B and Z (they
// look like digits), AN is either. Cards print it as 1EG4-TE5-MK73; the
// dashes are not part of it, and visitors type it with spaces, dashes or none.
const A = "[AC-HJKMNP-RT-Y]";
const AN = "[AC-HJKMNP-RT-Y0-9]";
const GAP = `(?:${JOINER}|\\p{Zs})?`;
const MBI = new RegExp(
  `(?<![\\p{L}\\p{N}])[1-9]${A}${AN}[0-9]${GAP}${A}${AN}[0-9]${GAP}${A}${A}[0-9]{2}(?![\\p{L}\\p{N}])`,
  "giu",
);

/**
 * Medicare Beneficiary Identifiers, as [id]: the CMS position rules, either
 * letter case, with or without a separator after the 4th and 7th character.
 * It never has seven digits in a row, which is why a digit count missed it.
 */
export function findMedicareIds(text: string): Found[] {
  return matchSpans(text, MBI, "id");
}
