/**
 * The text the recognizers read, and where each of its characters came from,
 * so that a span found in it masks the original characters.
 */
export interface MatchingText {
  text: string;
  /**
   * origin[i] is the index in the original of text[i], origin[text.length]
   * the original's length; null when every digit was ASCII already and the
   * offsets are the same.
   */
  origin: number[] | null;
}

const DECIMAL = /\p{Nd}/u;
const OTHER_DECIMAL = /(?![0-9])\p{Nd}/u;
const values = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode assigns decimal digits
 * only in contiguous runs of whole 0-9 blocks (a stability guarantee), so the
 * distance from the start of the run, modulo 10, is the value; no per-script
 * table to keep up to date.
 */
function digitValue(codePoint: number): number {
  let value = values.get(codePoint);
  if (value === undefined) {
    let zero = codePoint;
    while (DECIMAL.test(String.fromCodePoint(zero - 1))) zero--;
    value = (codePoint - zero) % 10;
    values.set(codePoint, value);
  }
  return value;
}

const LOOKALIKE_RUN = /(?<![\p{L}\p{N}])[0-9lIOo]{3,}(?![\p{L}\p{N}])/gu;

function digitsForLetters(run: string): string {
  const letters = run.replace(/[0-9]/g, "").length;
  if (letters === 0 || letters * 2 >= run.length) return run;
  return run.replace(/[lI]/g, "1").replace(/[Oo]/g, "0");
}

/**
 * Letters typed for digits ("555 l23 4567"): l, I, O and o read as 1 or 0,
 * only inside a word of three or more such characters that is mostly digits,
 * so "I", "lo", "O2" and every ordinary word stay. Same length out as in.
 * Only for recognizers of digits: an IBAN or a Medicare number may hold an O.
 */
export function readLookalikes(text: string): string {
  return text.replace(LOOKALIKE_RUN, digitsForLetters);
}

/**
 * Digits of every script become ASCII, one character each, also for digits
 * outside the Basic Multilingual Plane. Everything else is kept as it was, so
 * offsets map back.
 */
export function toMatchingText(original: string): MatchingText {
  if (!OTHER_DECIMAL.test(original)) return { text: original, origin: null };
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    if (codePoint >= 0x80 && DECIMAL.test(String.fromCodePoint(codePoint))) {
      text += String(digitValue(codePoint));
      origin.push(i);
    } else {
      text += original.slice(i, i + width);
      for (let k = 0; k < width; k++) origin.push(i + k);
    }
    i += width;
  }
  origin.push(original.length);
  return { text, origin };
}
