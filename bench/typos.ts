/**
 * `npm run bench:typos`: what typo tolerance costs per query word as the
 * vocabulary grows (10k, 100k and 300k terms; 100k FAQs hold roughly 50k to
 * 150k distinct terms), against the plain alternative, an edit-distance scan
 * of every term of a near length. Word-like terms from a seeded syllable
 * generator, so prefixes branch the way words do. Results as JSON in
 * bench/results/typos.json and as the last line on stdout.
 */
import { allowedEdits, nearTerms } from "../src/search/fuzzy-terms";
import { seededRandom } from "./lib/random";
import { median } from "./lib/measure";
import { writeResults } from "./lib/results-file";

const ONSETS = ["", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "ch", "sh"];
const VOWELS = ["a", "e", "i", "o", "u", "ea", "ou", "ai"];
const CODAS = ["", "", "n", "r", "s", "t", "l", "nd", "ng", "ck"];

function vocabulary(size: number, random: () => number): string[] {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const terms = new Set<string>();
  while (terms.size < size) {
    const syllables = 1 + Math.floor(random() * 4);
    let word = "";
    for (let i = 0; i < syllables; i++) word += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    if (word.length >= 2) terms.add(word);
  }
  return [...terms].sort();
}

/** One deletion, insertion, substitution or swap at a random place after the first letter. */
function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 1));
  const letter = "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)]!;
  switch (Math.floor(random() * 4)) {
    case 0: return word.slice(0, at) + word.slice(at + 1);
    case 1: return word.slice(0, at) + letter + word.slice(at);
    case 2: return word.slice(0, at) + letter + word.slice(at + 1);
    default: return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word + letter;
  }
}

/** Optimal string alignment distance, the plain way. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const scan = (terms: string[], word: string, edits: number) =>
  terms.filter((term) => Math.abs(term.length - word.length) <= edits && osa(term, word) <= edits).length;

const results: Record<string, { terms: number; trieMicros: number; scanMicros: number; speedup: number; matchesPerWord: number }> = {};
for (const size of [10_000, 100_000, 300_000]) {
  const random = seededRandom(size);
  const terms = vocabulary(size, random);
  const long = terms.filter((t) => t.length >= 5);
  const words = Array.from({ length: 300 }, () => misspell(long[Math.floor(random() * long.length)]!, random)).filter((w) => w.length >= 5);
  const timePer = (sample: string[], lookup: (word: string) => number, rounds: number) => {
    const perWord: number[] = [];
    let found = 0;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (const word of sample) found += lookup(word);
      perWord.push(((performance.now() - start) * 1000) / sample.length);
    }
    return { micros: median(perWord), found: found / rounds / sample.length };
  };
  // the scan is slow: timed on the first 20 words, which the trie must match exactly
  const few = words.slice(0, 20);
  const trie = timePer(words, (word) => nearTerms(terms, word, allowedEdits(word.length)).length, 5);
  const plain = timePer(few, (word) => scan(terms, word, allowedEdits(word.length)), 1);
  const trieFew = timePer(few, (word) => nearTerms(terms, word, allowedEdits(word.length)).length, 1);
  results[size] = { terms: size, trieMicros: Math.round(trie.micros * 10) / 10, scanMicros: Math.round(plain.micros), speedup: Math.round(plain.micros / trie.micros), matchesPerWord: Math.round(trie.found * 10) / 10 };
  if (trieFew.found !== plain.found) throw new Error(`trie and scan disagree at ${size}: ${trieFew.found} vs ${plain.found}`);
  console.error(`${size} terms: trie ${results[size]!.trieMicros} µs a word, scan ${results[size]!.scanMicros} µs (${results[size]!.speedup}x), ${results[size]!.matchesPerWord} near terms a word`);
}
await writeResults("typos", { measuredAt: new Date().toISOString(), results });
console.log(JSON.stringify({ typo_lookup: results }));
