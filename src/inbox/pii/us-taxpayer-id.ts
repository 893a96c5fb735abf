import { matchSpans, type Found } from "./found";
import { afterPlus, digitGroups, digitRuns } from "./separators";

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function isSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
}

/** IRS rules: area 9xx, group 50-65, 70-88, 90-92 or 94-99. */
export function isItin(digits: string): boolean {
  const group = Number(digits.slice(3, 5));
  return digits[0] === "9"
    && ((group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94);
}

const shaped = (groups: string[]) =>
  (groups.length === 1 && groups[0]!.length === 9)
  || (groups.length === 3 && groups[0]!.length === 3 && groups[1]!.length === 2 && groups[2]!.length === 4);

/**
 * US Social Security and Individual Taxpayer Identification Numbers, as
 * [id]: a whole run of nine digits, unbroken or 3-2-4 with any separators,
 * inside the SSN or ITIN ranges. Nine digits outside them (666-12-3456) are
 * neither, and are left to the long-number fallback.
 */
export function findUsTaxpayerIds(text: string): Found[] {
  return matchSpans(text, digitRuns(), "id", (match) => {
    const groups = digitGroups(match[0]);
    if (!shaped(groups) || afterPlus(text, match.index!)) return false;
    const digits = groups.join("");
    return isSsn(digits) || isItin(digits);
  });
}
