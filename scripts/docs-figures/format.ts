/**
 * How a figure is written in the docs. Every formatter refuses a value that
 * is not a finite number (a field renamed or missing in a results file), so
 * the check reports it instead of writing "NaN" or "undefined" into a page.
 */

export class BadValue extends Error {}

/** `value` as a number, or BadValue naming what was expected. */
export function num(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new BadValue(`expected a number, found ${JSON.stringify(value)}`);
  return value;
}

/** `value` as a string, or BadValue. */
export function str(value: unknown): string {
  if (typeof value !== "string") throw new BadValue(`expected a string, found ${JSON.stringify(value)}`);
  return value;
}

/** Thousands grouped with commas, as the docs write them: 27,850; 1,536.5. */
export function grouped(value: unknown, digits = 0): string {
  const [whole, fraction] = num(value).toFixed(digits).split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const withCommas = whole!.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${withCommas}${fraction ? `.${fraction}` : ""}`;
}

/** A fixed number of decimals: fixed(0.8371, 3) is "0.837". */
export const fixed = (value: unknown, digits: number) => num(value).toFixed(digits);

/** Three significant figures, no exponent: 35.1, 2.66, 0.846, 420. */
export function sig3(value: unknown): string {
  const v = num(value);
  if (v === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v))));
  return grouped(v, digits);
}

/** A share as a percentage: percent(0.814, 1) is "81.4%". */
export const percent = (share: unknown, digits = 0) => `${(num(share) * 100).toFixed(digits)}%`;

/** The UTC day of an ISO time: "2026-11-28". */
export function utcDay(iso: unknown): string {
  const text = str(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) throw new BadValue(`expected an ISO time, found ${JSON.stringify(iso)}`);
  return text.slice(0, 10);
}

/** The UTC hour and minute of an ISO time: "22:05 UTC". */
export function utcTime(iso: unknown): string {
  utcDay(iso);
  return `${str(iso).slice(11, 16)} UTC`;
}

/** The day and time a results file says it was measured at (its measuredAt). */
export const whenMeasured = {
  date: (results: { measuredAt: unknown }) => utcDay(results.measuredAt),
  time: (results: { measuredAt: unknown }) => utcTime(results.measuredAt),
};

/** A Markdown table. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
