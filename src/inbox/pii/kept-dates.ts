import { matchSpans, type Found } from "./found";
import { LONG_NUMBER_DIGITS } from "./long-number";
import { JOINER, SEP } from "./separators";

// Whole shapes only: not glued to letters or digits, and not the start or end
// of a longer number ("12-07-2026-4417" is not a date).
const START = `(?<![\\p{L}\\p{N}]|\\d${JOINER})`;
const END = `(?![\\p{L}\\p{N}]|${JOINER}\\d)`;
const DATE_SEP = "[/.\\p{Pd}\\u2212]";

const DAY_MONTH_YEAR = new RegExp(`${START}(\\d{1,2})(${DATE_SEP})(\\d{1,2})\\2(\\d{4}|\\d{2})${END}`, "gu");
const YEAR_MONTH_DAY = new RegExp(`${START}(\\d{4})(${DATE_SEP})(\\d{1,2})\\2(\\d{1,2})${END}`, "gu");
const TIME = new RegExp(`${START}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d{1,3})?${END}`, "gu");
const YEARS = new RegExp(`${START}(\\d{4})\\p{Zs}?[\\p{Pd}\\u2212/]\\p{Zs}?(\\d{4}|\\d{2})${END}`, "gu");

const year = (text: string) => text.length === 2 || (Number(text) >= 1900 && Number(text) <= 2099);
const monthDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/**
 * Dates (10/15/2026, 15.10.2026, 2026-12-07, month and day in either order),
 * times (10:30, 14:05:59) and spans of years (2025-2026, 2025-26), kept as
 * written: they are what questions about deadlines and enrollment periods are
 * about. Years run from 1900 to 2099.
 */
export function findKeptDates(text: string): Found[] {
  const shapes = [
    ...matchSpans(text, DAY_MONTH_YEAR, null, ([, a, , b, y]) => {
      const [first, second] = [Number(a), Number(b)];
      return year(y!) && (monthDay(first, second) || monthDay(second, first));
    }),
    ...matchSpans(text, YEAR_MONTH_DAY, null, ([, y, , m, d]) => year(y!) && monthDay(Number(m), Number(d))),
    ...matchSpans(text, TIME, null, ([, h, m, s]) => Number(h) <= 24 && Number(m) <= 59 && Number(s ?? 0) <= 60),
    ...matchSpans(text, YEARS, null, ([, from, to]) => {
      const last = to!.length === 2 ? Number(from!.slice(0, 2) + to) : Number(to);
      return year(from!) && year(String(last)) && last > Number(from);
    }),
  ];
  return shapes.filter((shape) => !endsLongNumber(text, shape, shapes));
}

// The digit groups next to a shape, across any separator, a space or a spaced dash too.
const GROUPS_BEFORE = new RegExp(`(?:\\d+${SEP})*\\d+${SEP}$`, "u");
const GROUPS_AFTER = new RegExp(`^${SEP}\\d+(?:${SEP}\\d+)*`, "u");
/** How far from a shape its neighbouring groups are looked for: longer than any card or account number written out. */
const NEIGHBOUR_CHARS = 64;

/**
 * Whether a shape is the end (or the start) of a long number, across a
 * space: "3400-0000-0000 2000-04" is a card typed wrong, not a span of
 * years. The groups beside it must hold LONG_NUMBER_DIGITS digits that no
 * other kept shape holds, so a date beside a date or a time
 * ("10/15/2026 12/07/2026", "2026-12-07 14:05") and a short number beside
 * one ("Form 1040 04/15/2026") are still kept.
 */
function endsLongNumber(text: string, shape: Found, shapes: Found[]): boolean {
  const from = Math.max(0, shape.start - NEIGHBOUR_CHARS);
  const before = GROUPS_BEFORE.exec(text.slice(from, shape.start));
  const after = GROUPS_AFTER.exec(text.slice(shape.end, shape.end + NEIGHBOUR_CHARS));
  const uncoveredDigits = (start: number, end: number) => {
    let count = 0;
    for (let i = start; i < end; i++) {
      if (text[i]! >= "0" && text[i]! <= "9" && !shapes.some((other) => other !== shape && other.start <= i && i < other.end)) count++;
    }
    return count;
  };
  return (before !== null && uncoveredDigits(from + before.index, shape.start) >= LONG_NUMBER_DIGITS)
    || (after !== null && uncoveredDigits(shape.end, shape.end + after[0].length) >= LONG_NUMBER_DIGITS);
}
