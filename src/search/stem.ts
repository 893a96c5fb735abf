const VOWEL = /[aeiouy]/;

/** True when the part of the word before `suffix` still has a vowel, so stripping leaves a stem. */
const keepsStem = (word: string, suffix: string) => word.length - suffix.length >= 3 && VOWEL.test(word.slice(0, word.length - suffix.length));

/**
 * A light English stemmer: plurals, -ing, -ed, -ly and a few derivational
 * endings. Aims to merge "deleting", "deleted", "deletes" with "delete" and
 * to leave short or odd words alone; it is not Porter and need not be.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/(ss|us|is)$/.test(w)) { /* class, status, analysis: not plurals */ }
  else if (/(xes|ches|shes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s")) w = w.slice(0, -1);

  for (const suffix of ["ational", "ization", "fulness", "ousness", "iveness", "ement", "ment", "ness", "able", "ible", "ing", "ed", "ly", "er"]) {
    if (w.endsWith(suffix) && keepsStem(w, suffix)) {
      w = w.slice(0, -suffix.length);
      // undouble "stopp" -> "stop", restore "delet" -> "delete" is not needed: both sides stem alike
      if (/([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}
