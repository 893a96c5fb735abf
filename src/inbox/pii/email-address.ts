import { matchSpans, type Found } from "./found";

const LABEL = "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?";
// The domain may have no dot: jane@localhost, or an intranet name, is an
// address too.
const EMAIL = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}._%+-])[\\p{L}\\p{M}\\p{N}._%+-]+@${LABEL}(?:\\.${LABEL})*`, "gu");

// Spelled out to dodge harvesters: "john dot doe at example dot com",
// "jane(at)example(dot)org", "jo [at] mail [dot] com".
const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}_%+-]*";
const SPELLED_DOT = "(?:\\s*[(\\[{<]\\s*dot\\s*[)\\]}>]\\s*|\\s+dot\\s+)";
const DOT = `(?:${SPELLED_DOT}|\\.)`;
const BRACKETED_AT = "\\s*[(\\[{<]\\s*at\\s*[)\\]}>]\\s*";
const SPELLED = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])(${WORD}(?:(?:${DOT}|_)${WORD})*)(${BRACKETED_AT}|\\s+at\\s+)(?:${WORD}${DOT})+[a-z]{2,6}(?![\\p{L}\\p{N}])`,
  "giu",
);
const HAS_SPELLED_DOT = new RegExp(SPELLED_DOT, "iu");
const MAY_BE_SPELLED = /\bat\b/i;

// With a plain " at ", the word before it must not be one that ordinarily
// comes before "at" in a question ("available at medicare dot gov", "sign up
// at ..."): those are web sites, and masking them loses the question.
const NOT_A_NAME = new Set(
  ("a an the it this that these those them they we us you me him her i my our your his its their is are was were be "
    + "been am do did does go goes went get got look looked looking available located sign signed log logged apply "
    + "applied call called find found visit visited register registered enroll enrolled listed posted online up in "
    + "out on here there site website page app help info information form forms arrive arrived stay live work start "
    + "see seen")
    .split(" "),
);

function spelledAddress(match: RegExpMatchArray): boolean {
  const [whole, local, at] = match as unknown as string[];
  if (/[(\[{<]/.test(at!)) return true;
  return HAS_SPELLED_DOT.test(whole!) && !NOT_A_NAME.has(local!.toLowerCase());
}

/**
 * E-mail addresses, as [email]: local@domain in any script, with or without a
 * dot in the domain, and addresses spelled out with "at" and "dot". A plain
 * " at " counts only when the address also spells a "dot", and not after a
 * word such as "available" or "up".
 */
export function findEmailAddresses(text: string): Found[] {
  // Both patterns try every word; most questions have no "@" and no "at".
  const typed = text.includes("@") ? matchSpans(text, EMAIL, "email") : [];
  const spelled = MAY_BE_SPELLED.test(text) ? matchSpans(text, SPELLED, "email", spelledAddress) : [];
  return [...typed, ...spelled];
}
