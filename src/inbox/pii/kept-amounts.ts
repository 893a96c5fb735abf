import { matchSpans, type Found } from "./found";
import { JOINER } from "./separators";

const START = `(?<![\\p{L}\\p{N}]|\\d${JOINER})`;
const END = `(?![\\p{L}\\p{N}]|${JOINER}\\d)`;
// Thousands in groups of three with one separator all through (1,234,567 or
// 1.234.567), then an optional decimal part. A card written with commas
// groups by four, so it never fits. Groups split by a no-break space (the
// French 1 234 567) count only beside a currency sign: without one, spaces
// between groups of three are how phone numbers are written.
const GROUPED = "\\d{1,3}([,.'\u2019])\\d{3}(?:\\1\\d{3})*(?:[.,]\\d{1,2})?";
const SPACED = "\\d{1,3}(?:[\\u00A0\\u202F]\\d{3})+(?:,\\d{1,2})?";
const PLAIN = "\\d+(?:[.,]\\d{1,2})?";
const CURRENCY = "\\p{Sc}";

const AMOUNTS = new RegExp(
  [
    `(?:${CURRENCY}\\p{Zs}?)?${GROUPED}(?:\\p{Zs}?${CURRENCY}|%)?`,
    `${CURRENCY}\\p{Zs}?(?:${SPACED}|${PLAIN})`,
    `(?:${SPACED}|${PLAIN})\\p{Zs}?${CURRENCY}`,
    `\\d+(?:[.,]\\d+)?\\p{Zs}?%`,
  ].map((shape) => `${START}${shape}${END}`).join("|"),
  "gu",
);

/**
 * Prices and quantities kept as written: $1,234.56, 1.234,56 €, 8,000,000,
 * 12.5 %, and any amount with a currency sign. What a plan costs is the
 * question, not a secret.
 */
export function findKeptAmounts(text: string): Found[] {
  return matchSpans(text, AMOUNTS, null);
}
