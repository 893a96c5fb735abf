import { figureSource } from "../figure-source";
import { fixed, grouped } from "../format";

interface LexicalResults {
  measuredAt: string;
  faqs: number;
  kernelUs: number;
  jsUs: number;
}

/** bench/lexical.ts through `npm run bench`: BM25's posting loop in WebAssembly against the JS loop. */
export const lexicalFigures = figureSource<LexicalResults>({
  file: "bench/results/lexical.json",
  command: "npm run bench",
  figures: {
    faqs: (r) => grouped(r.faqs),
    kernelUs: (r) => `${fixed(r.kernelUs, 1)} µs`,
    jsUs: (r) => `${fixed(r.jsUs, 1)} µs`,
  },
});
