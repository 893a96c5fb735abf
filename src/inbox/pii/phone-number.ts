import { findPhoneNumbersInText, Metadata, type CountryCode, type PhoneNumber } from "libphonenumber-js/min";
import type { Found } from "./found";
import { SEP } from "./separators";

// libphonenumber reads ASCII digits and a few separators; the other joiners
// people use (any dash, the minus sign, _ * · |) become "-" and every kind of
// space " ", one character for one so the offsets stay.
const DASHES = /[\p{Pd}\u2212_*\u00B7|]/gu;
const SPACES = /\p{Zs}/gu;
// Stretches of digits and phone punctuation, cut where a new number starts
// (two spaces, or a space before "+"), with 7 to 20 digits: only these
// go to the finder. Given a whole 500-character question it takes about a
// millisecond, and given "1 1 1 1 ..." far longer, trying sub-numbers that a
// run of digits this long could not hold anyway (see below). With leniency
// POSSIBLE it does not look at the characters around a number, so nothing is
// lost by cutting them off.
const STRETCH = /[+(\[]*\d(?:[\s().\-/\[\]+]*\d)*\)?/g;
const NEW_NUMBER = /(\s{2,}|\s(?=\+))/;
const DIGITS = { fewest: 7, most: 20 };
const RUN_BEFORE = new RegExp(`\\d${SEP}?$`, "u");
const RUN_AFTER = new RegExp(`^${SEP}?\\d`, "u");

/** Whether the digits of text[start, end) continue a run of digits outside it ("(" and ")" end a run). */
function partOfLongerRun(text: string, start: number, end: number): boolean {
  const first = text.slice(start, end).search(/\d/) + start;
  let last = end - 1;
  while (last > first && !/\d/.test(text[last]!)) last--;
  return RUN_BEFORE.test(text.slice(Math.max(0, first - 4), first)) || RUN_AFTER.test(text.slice(last + 1, last + 5));
}

// One pattern per default country, built once: masking runs on every question the inbox stores.
const INTERNATIONAL_PREFIXES = new Map<CountryCode, RegExp>();

/** The start of a number dialled abroad from `country` ("011" from the US, "00" from most of Europe). */
function internationalPrefix(country: CountryCode): RegExp {
  let pattern = INTERNATIONAL_PREFIXES.get(country);
  if (!pattern) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    pattern = new RegExp(`^(?:${metadata.numberingPlan!.IDDPrefix()})`);
    INTERNATIONAL_PREFIXES.set(country, pattern);
  }
  return pattern;
}

/**
 * Whether a number written without "+" reads as one only in a way nobody
 * dials. The digits before the national number may be none, a trunk prefix
 * ("0 20 ..."), the calling code ("1 212 555 0100"), or an international
 * prefix and exactly the code ("011 44 20 7946 0958"), a trunk 0 in
 * brackets aside ("0044 (0)20 7946 0958"); not the code and more digits.
 * Runs of digits that read as a phone number only otherwise are left to the
 * long-number fallback (each was found by fast-check in a card or an SSN
 * typed wrong):
 * - the code, then a trunk prefix: libphonenumber reads "110000000008" as
 *   code 1, trunk 1, then "0000000008", and "011430100007" as dialling
 *   Austria, 43, with its trunk 0 kept;
 * - through an international prefix to a number its country could not have
 *   assigned: with leniency POSSIBLE, "011-98-0000" is a four-digit Iranian
 *   number and "01110000000005" a North American one. Runs that start 011
 *   or 00 are common, so without a "+" only a valid number counts.
 */
function undiallableWithoutPlus(written: string, number: PhoneNumber, dialAbroad: RegExp): boolean {
  if (written.includes("+")) return false;
  const { countryCallingCode: code, nationalNumber } = number;
  // "+44 (0)20 ..." without the plus: the bracketed trunk 0 is how the number is read at home, not a digit dialled
  const digits = written.replace(/\(\s*0\s*\)/g, "").replace(/\D/g, "");
  const prefix = digits.slice(0, Math.max(0, digits.lastIndexOf(nationalNumber)));
  const abroad = dialAbroad.exec(prefix);
  if (abroad) return prefix.slice(abroad[0].length) !== code || !number.isValid();
  return prefix.length > code.length && prefix.startsWith(code);
}

/**
 * Phone numbers, as [phone], found by libphonenumber-js's text finder with
 * the "min" metadata (the "max" set is twice its size, for number-type
 * checks masking does not need; docs/performance.md has the package's share). Leniency is POSSIBLE (`extended`): the
 * length fits the country, the number need not be assigned, so (555) 123-4567
 * counts. Numbers without "+" are read as `defaultCountry`'s. A match inside
 * a longer digit run is not a phone number: the run is left whole for the
 * long-number fallback rather than half masked; a comma counts as a
 * separator there, though libphonenumber would read "5000-000000,02" as a
 * number with a dialling pause and an extension. So is a run without "+" that
 * reads as a number only in a way nobody dials (above).
 */
export function findPhoneNumbers(text: string, defaultCountry: CountryCode): Found[] {
  const readable = text.replace(DASHES, (dash) => "-".repeat(dash.length)).replace(SPACES, " ");
  const dialAbroad = internationalPrefix(defaultCountry);
  const found: Found[] = [];
  for (const stretch of readable.matchAll(STRETCH)) {
    let offset = stretch.index!;
    for (const piece of stretch[0].split(NEW_NUMBER)) {
      const digits = piece.replace(/\D/g, "").length;
      if (digits >= DIGITS.fewest && digits <= DIGITS.most) {
        for (const match of findPhoneNumbersInText(piece, { defaultCountry, extended: true })) {
          const start = offset + match.startsAt;
          const end = offset + match.endsAt;
          const written = piece.slice(match.startsAt, match.endsAt);
          if (undiallableWithoutPlus(written, match.number, dialAbroad)) continue;
          if (!partOfLongerRun(text, start, end)) found.push({ start, end, kind: "phone" });
        }
      }
      offset += piece.length;
    }
  }
  return found;
}
