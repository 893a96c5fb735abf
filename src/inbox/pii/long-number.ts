import { matchSpans, type Found } from "./found";
import { digitGroups, digitRuns } from "./separators";

/** Seven digits: the shortest phone number (a US local one) and the old threshold for order numbers. */
export const LONG_NUMBER_DIGITS = 7;

/**
 * The fallback, as [number]: a run of seven or more digits (any script, any
 * separators) that no recognizer claimed and no keeper kept, such as an order,
 * member or account number, a national phone number of another country, or
 * a card or SSN with a wrong digit.
 */
export function findLongNumbers(text: string): Found[] {
  return matchSpans(text, digitRuns(), "number", (match) => digitGroups(match[0]).join("").length >= LONG_NUMBER_DIGITS);
}
