import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface TyposResults {
  measuredAt: string;
  results: Record<string, { terms: number; trieMicros: number; scanMicros: number; speedup: number; matchesPerWord: number }>;
}

/** bench/typos.ts: the fuzzy lookup of a misspelt word, the trie walk against a scan of the vocabulary. */
export const typoFigures = figureSource<TyposResults>({
  file: "bench/results/typos.json",
  command: "npm run bench:typos",
  figures: {
    ...whenMeasured,
    table: (r) => table(
      ["vocabulary", "trie walk, per misspelt word", "scan of the vocabulary", "speed-up", "matches per word"],
      Object.values(r.results).map((size) => [
        `${grouped(size.terms)} terms`,
        `${fixed(num(size.trieMicros) / 1000, 2)} ms`,
        `${fixed(num(size.scanMicros) / 1000, 1)} ms`,
        `${grouped(size.speedup)}×`,
        fixed(size.matchesPerWord, 1),
      ]),
    ),
  },
});
