import { tokenize } from "../search/tokenize";

/**
 * The key under which a question is counted: its words, lower-cased and
 * accent-folded, without stemming or punctuation. "How do I reset my
 * password?" and "how do i reset my password" count as one question asked twice.
 */
export function questionKey(text: string): string {
  const words = tokenize(text, "none");
  return words.length > 0 ? words.join(" ") : text.trim().toLowerCase();
}
