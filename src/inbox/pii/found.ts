/**
 * What a recognizer reports. A kind is masked as "[kind]"; null marks a span
 * kept as written (a date, a price, a plan code) so that no later recognizer
 * takes it for a number.
 */
export type PiiKind = "card" | "iban" | "phone" | "email" | "id" | "ip" | "mac" | "wallet" | "number";

export interface Found {
  start: number;
  end: number;
  kind: PiiKind | null;
}

/**
 * Finds spans in the matching text (digits already ASCII, see
 * normalise-text.ts). Spans claimed by earlier recognizers are blanked with
 * BLANK, which is neither a letter, a digit nor a separator.
 */
export type Recognizer = (text: string) => Found[];

export const BLANK = "\u0000";

/** Every match of `pattern` (global) that `accept` takes, as spans of one kind. */
export function matchSpans(
  text: string,
  pattern: RegExp,
  kind: PiiKind | null,
  accept: (match: RegExpMatchArray) => boolean = () => true,
): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match)) found.push({ start: match.index!, end: match.index! + match[0].length, kind });
  }
  return found;
}
