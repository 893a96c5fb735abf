import { matchSpans, type Found } from "./found";
import { JOINER } from "./separators";

// Whole shapes only: not glued to letters or digits, and not the start or end
// of a longer number ("12-07-2026-4417" is not a date). Across a space, a
// group of three or more digits makes it part of a number too: the end of
// "3400-0000-0000 2000-04" is a card group typed wrong, not a month; a time
// or a date beside a date ("2026-12-07 14:05") is still kept.
const START = `(?<![\\p{L}\\p{N}]|\\d${JOINER}|\\d{3}\\p{Zs})`;
const END = `(?![\\p{L}\\p{N}]|${JOINER}\\d|\\p{Zs}\\d{3})`;
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
  return [
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
}
