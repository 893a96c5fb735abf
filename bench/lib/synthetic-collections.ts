/**
 * Collections of generated FAQs for `npm run bench:collections`, the same at
 * every run: each has its own vocabulary (pseudo-words, partly shared with
 * other collections as real sites share words), questions and answers drawn
 * from it with Zipf-distributed word frequencies, and seeded random unit
 * vectors of the model's width. Published into local KV under each
 * collection's keys, as `npm run seed -- --collection NAME` would.
 */
import { withLocalKv } from "../../scripts/kv/local-kv";
import { publishVersion } from "../../scripts/kv/versions";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";
import { buildIndex } from "../../src/index-blob/build-index";
import { collectionKeys, pointerFor, type IndexPointer } from "../../src/index-store/keys";
import { wasmIndexMemory } from "../../src/index-store/wasm-layout";
import { seededRandom, unitMatrix } from "./random";
import { zipfRanker } from "./zipf";

export interface SyntheticCollection {
  name: string;
  /** Its vocabulary, most frequent first: the bench's questions are drawn from it. */
  words: string[];
  pointer: IndexPointer;
  /** What the index holds of an isolate's index memory budget once loaded (blob and kernel scratch, whole pages). */
  budgetBytes: number;
}

export interface CollectionSpec {
  collections: number;
  faqsEach: number;
  dim: number;
  model: string;
}

const GLOBAL_WORDS = 6000;
const WORDS_EACH = 900;
const SYLLABLES = "ba be bi bo bu da de di do ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo".split(" ");

/** Distinct pseudo-words of two to four syllables, from a fixed seed. */
function globalVocabulary(next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < GLOBAL_WORDS) {
    const syllables = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length: syllables }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(""));
  }
  return [...words];
}

const phrase = (draw: () => string, min: number, max: number, next: () => number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, draw).join(" ");

/** The name of the collection of popularity rank `rank` (0 the most asked). */
export const collectionName = (rank: number) => `faq-${String(rank + 1).padStart(2, "0")}`;

/** Generates, builds and publishes the collections into the local KV under `persistTo`; returns what the bench needs of each. */
export async function publishCollections(persistTo: string, spec: CollectionSpec, log: (line: string) => void): Promise<SyntheticCollection[]> {
  const vocabulary = globalVocabulary(seededRandom(101));
  const xxh64 = loadXxh64Module();
  const builtAt = "2026-01-01T00:00:00.000Z"; // fixed: the same data gives the same versions at every run
  return withLocalKv({ configPath: "wrangler.toml", persistTo }, async (store) => {
    const published: SyntheticCollection[] = [];
    for (let c = 0; c < spec.collections; c++) {
      const next = seededRandom(1000 + c);
      const words = Array.from({ length: WORDS_EACH }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).filter((w, i, all) => all.indexOf(w) === i);
      const wordRank = zipfRanker(words.length, 1);
      const drawWord = () => words[wordRank(next())]!;
      const records = Array.from({ length: spec.faqsEach }, (_, i) => ({
        id: `q${i}`,
        question: `How do I ${phrase(drawWord, 3, 8, next)}?`,
        answer: `${phrase(drawWord, 20, 70, next)}.`,
        url: null,
        category: null,
      }));
      const matrix = unitMatrix(spec.faqsEach, spec.dim, 5000 + c);
      const vectors = records.map((_, row) => matrix.subarray(row * spec.dim, (row + 1) * spec.dim));
      const { blob, version } = await buildIndex({ model: spec.model, builtAt, dim: spec.dim, records, vectors });
      const pointer = pointerFor(blob, { version, model: spec.model, dim: spec.dim, count: spec.faqsEach, builtAt }, xxh64);
      const name = collectionName(c);
      await publishVersion(store, blob, pointer, collectionKeys(name));
      published.push({ name, words, pointer, budgetBytes: wasmIndexMemory(pointer) });
      if ((c + 1) % 10 === 0) log(`published ${c + 1} of ${spec.collections} collections`);
    }
    return published;
  });
}
