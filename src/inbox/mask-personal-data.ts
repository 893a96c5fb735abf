// An e-mail address, as people type one.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Seven or more digits, allowing the spaces, dots, dashes, slashes and brackets
// people put inside phone, card, account and order numbers.
const LONG_NUMBER = /\+?\d(?:[\s./()-]*\d){6,}/g;

/**
 * A visitor's question as the inbox keeps it: e-mail addresses become
 * [email] and long numbers [number]. Visitors type such things into search
 * boxes ("my order 4417 1234 5678 9113 has not arrived"), and the owner needs
 * the question, not the number. Short numbers ("part b", "65", "2026") stay.
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, "[email]").replace(LONG_NUMBER, "[number]");
}
