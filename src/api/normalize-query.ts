/*
 * What a question becomes before it is validated, embedded, cached and
 * returned: Unicode NFKC (so "ﬁ" and "fi", full-width and ASCII letters are
 * one question), then characters nobody can see are removed, then runs of
 * white space become one space. Length limits apply to this text, because it
 * is what is sent upstream: NFKC can make one code point into 18 (U+FDFA).
 */

// Default-ignorable code points (zero-width space U+200B, word joiner U+2060,
// BOM U+FEFF, soft hyphen, variation selectors, ...) and C0/C1 controls other
// than white space. ZWJ and ZWNJ stay: they change how Persian, Indic and
// emoji sequences read, and never make up a question on their own (below).
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
const KEPT_JOINERS = new Set(["\u200c", "\u200d"]);
const SPACE_OR_JOINER = /^[\s\u200c\u200d]*$/u;

/** The question as it will be embedded: NFKC, invisible characters removed, white space collapsed and trimmed. */
export function normalizeQuery(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(INVISIBLE, (char) => (KEPT_JOINERS.has(char) ? char : /\s/.test(char) ? " " : ""))
    .replace(/\s+/gu, " ")
    .trim();
}

/** True when a normalised question has nothing a reader could see (only spaces or joiners). */
export const isBlankQuery = (normalized: string) => SPACE_OR_JOINER.test(normalized);
