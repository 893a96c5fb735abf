import { readFile } from "node:fs/promises";
import { FaqInputError } from "./faq-input-error";

/** Most groups and phrases a synonyms file may hold: it travels in every index blob. */
const MAX_GROUPS = 2000;
const MAX_PHRASE_CHARS = 100;

/**
 * Reads a synonyms file: a JSON array of groups, each an array of two or more
 * equivalent words or phrases, such as [["refund", "money back"], ["2fa",
 * "two-factor authentication"]]. A query holding any phrase of a group
 * matches FAQs holding any other.
 */
export async function readSynonyms(file: string): Promise<string[][]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new FaqInputError(file, null, (error as NodeJS.ErrnoException).code === "ENOENT" ? "cannot read the file" : "is not valid JSON");
  }
  if (!Array.isArray(parsed)) throw new FaqInputError(file, null, "must be a JSON array of groups of words or phrases");
  if (parsed.length > MAX_GROUPS) throw new FaqInputError(file, null, `holds more than ${MAX_GROUPS} groups`);
  return parsed.map((group, i) => {
    const ok = Array.isArray(group) && group.length >= 2
      && group.every((phrase) => typeof phrase === "string" && phrase.trim() !== "" && phrase.length <= MAX_PHRASE_CHARS);
    if (!ok) throw new FaqInputError(file, null, `group ${i + 1} must be an array of at least two non-empty strings of at most ${MAX_PHRASE_CHARS} characters`);
    return (group as string[]).map((phrase) => phrase.trim());
  });
}
