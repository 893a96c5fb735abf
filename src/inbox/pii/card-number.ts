import { matchSpans, type Found } from "./found";
import { afterPlus, digitGroups, digitRuns } from "./separators";

/** The Luhn check digit test that every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Cards are printed in groups of four (Amex 4-6-5, Diners 4-6-4, the rest
// of a 13- or 19-digit number last) or unbroken. Requiring three or more
// digits in every group but the last keeps a date and time such as
// "2026-12-07 14:05:59" (14 digits, Luhn-valid one time in ten) from being
// read as a card.
const cardGrouping = (groups: string[]) => groups.slice(0, -1).every((g) => g.length >= 3);

/**
 * Payment card numbers: a whole run of 12 to 19 digits that passes Luhn,
 * unbroken or grouped (three or more digits in each group but the last),
 * with any separators. A run that
 * follows "+" is a phone number. One digit changed fails Luhn, and the run is
 * then left to the long-number fallback.
 */
export function findCardNumbers(text: string): Found[] {
  return matchSpans(text, digitRuns(), "card", (match) => {
    const groups = digitGroups(match[0]);
    const digits = groups.join("");
    return digits.length >= 12 && digits.length <= 19 && cardGrouping(groups)
      && !afterPlus(text, match.index!) && passesLuhn(digits);
  });
}
