/**
 * What people put between the digit groups of one number, as regular
 * expression source for the `u` flag. Recognizers share these so that a card,
 * an SSN and a long account number split by the same characters are seen the
 * same way.
 */

/** Non-space joiners: any dash (U+2011 non-breaking hyphen is one), the minus sign, and , . _ : * · | + / */
export const JOINER = "[\\p{Pd}\\u2212,._:*\\u00B7|+/]";

/** One separator: a joiner, a space of any kind, or a dash with a space either side ("4111 - 1111"). */
export const SEP = `(?:\\p{Zs}?[\\p{Pd}\\u2212]\\p{Zs}?|${JOINER}|\\p{Zs})`;

/** Not glued to a letter or digit, nor continuing a number through a separator. */
export const RUN_START = `(?<![\\p{L}\\p{N}]|\\d${SEP})`;
export const RUN_END = `(?![\\p{L}\\p{N}]|${SEP}\\d)`;

/**
 * A maximal run of digit groups joined by single separators. Recognizers
 * judge whole runs: a card is never carved out of the middle of a longer
 * number, so changing one digit of a card cannot leave a shorter "card" inside.
 */
export const digitRuns = (): RegExp => new RegExp(`${RUN_START}\\d+(?:${SEP}\\d+)*${RUN_END}`, "gu");

/** The digit groups of a run, without their separators. */
export const digitGroups = (run: string): string[] => run.split(/\D+/);

/** Whether the character before `start` is a "+", which starts a phone number, never a card or an SSN. */
export const afterPlus = (text: string, start: number): boolean => text[start - 1] === "+";
