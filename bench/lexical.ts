/**
 * The words' half of a search: BM25 over a 10k-FAQ index, with the postings
 * added up by the JS loop and by the WebAssembly kernel (addPostings), the
 * index decoded in a WebAssembly memory as the Worker keeps it. Questions
 * start "How do I ...", so common words have postings in every FAQ, as in a
 * real help centre. Both in alternating rounds after a warm-up, medians;
 * what the kernel does for an isolate's first request shows in bench:e2e.
 */
import { buildIndex } from "../src/index-blob/build-index";
import { decodeIndex } from "../src/index-blob/decode";
import { matchLexical, type PostingAdder } from "../src/search/bm25";
import { scorerFor } from "../src/search/semantic-scorer";
import { memoryFor, scratchBytes } from "../src/search/wasm/wasm-kernel";
import { loadKernelModule } from "../scripts/lib/load-wasm";
import { median } from "./lib/measure";
import { seededRandom, unitMatrix } from "./lib/random";

const TOPICS = "account billing password invoice refund plan team export import login email security".split(" ");
const QUERIES = ["how do I export my invoices", "reset password", "how can I change the plan for my team", "refund"];
const ROUNDS = 7;
const REPS = 200;

export async function benchLexical(count = 10_000, dim = 64) {
  const next = seededRandom(21);
  const topic = () => TOPICS[Math.floor(next() * TOPICS.length)]!;
  const records = Array.from({ length: count }, (_, i) => ({
    id: String(i), question: `How do I ${topic()} my ${topic()} for ${topic()} number ${i}?`, answer: `Open ${topic()} settings, then ${topic()}.`, url: null, category: null,
  }));
  // vectors only fill the blob; this bench times words
  const matrix = unitMatrix(count, dim, 4);
  const vectors = records.map((_, row) => matrix.subarray(row * dim, (row + 1) * dim));
  const { blob } = await buildIndex({ model: "bench", builtAt: "2026-01-01T00:00:00Z", dim, records, vectors });
  const memory = memoryFor(blob.byteLength + scratchBytes(dim, count));
  const bytes = new Uint8Array(memory.buffer, 0, blob.byteLength);
  bytes.set(new Uint8Array(blob));
  const index = await decodeIndex(bytes);
  index.memory = memory;
  const kernel = scorerFor(index, loadKernelModule()).postings;
  if (!kernel) throw new Error("the posting kernel did not take the index decoded in its memory");

  const allQueries = (postings: PostingAdder | undefined) => {
    for (const query of QUERIES) matchLexical(index.lexical, query, count, postings);
  };
  const microsecondsPerQuery = (postings: PostingAdder | undefined, reps: number) => {
    const start = performance.now();
    for (let i = 0; i < reps; i++) allQueries(postings);
    return ((performance.now() - start) / (reps * QUERIES.length)) * 1000;
  };
  microsecondsPerQuery(kernel, REPS);
  microsecondsPerQuery(undefined, REPS);
  const rounds = { kernel: [] as number[], js: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.kernel.push(microsecondsPerQuery(kernel, REPS));
    rounds.js.push(microsecondsPerQuery(undefined, REPS));
  }
  const matched = QUERIES.map((query) => matchLexical(index.lexical, query, count).scores.filter((s) => s > 0).length);
  return { faqs: count, queries: QUERIES, matchedFaqsPerQuery: matched, kernelUs: median(rounds.kernel), jsUs: median(rounds.js) };
}
