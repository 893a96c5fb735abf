import { createHash } from "node:crypto";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** A number from the SHA-256 of `text` and a salt: the same query always gets the same typo. */
const pick = (text: string, salt: string, range: number) => createHash("sha256").update(`${salt}\n${text}`).digest().readUInt32BE(0) % range;

/**
 * `query` with one typo: in one of its words of 5 or more letters (chosen by a
 * hash of the query), one edit (a deletion, an insertion, a substitution or
 * two neighbours swapped), also chosen by the hash. A query with no such word
 * comes back unchanged.
 */
export function withTypo(query: string): string {
  const words = [...query.matchAll(/[A-Za-z]{5,}/g)];
  if (words.length === 0) return query;
  const word = words[pick(query, "word", words.length)]!;
  const text = word[0];
  // never the first letter: people rarely get that wrong
  const at = 1 + pick(query, "at", text.length - 1);
  const letter = LETTERS[pick(query, "letter", LETTERS.length)]!;
  let typo: string;
  switch (pick(query, "edit", 4)) {
    case 0: typo = text.slice(0, at) + text.slice(at + 1); break;
    case 1: typo = text.slice(0, at) + letter + text.slice(at); break;
    case 2: typo = text.slice(0, at) + (letter === text[at] ? LETTERS[(LETTERS.indexOf(letter) + 1) % 26] : letter) + text.slice(at + 1); break;
    default: typo = at + 1 < text.length ? text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2) : text.slice(0, at - 1) + text[at] + text[at - 1];
  }
  return query.slice(0, word.index) + typo + query.slice(word.index! + text.length);
}
