import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../bench/lib/random";
import { buildIndex } from "../../index-blob/build-index";
import { decodeIndex } from "../../index-blob/decode";
import { l2Normalize } from "../normalize";
import { rankFaqs } from "../rank";
import { scorerFor } from "../semantic-scorer";
import { selectTopK } from "../top-k";
import { loadKernelModule } from "../../../scripts/lib/load-wasm";
import { denseScores } from "../dense-scores";
import { blockedRowsFor, layOutRows } from "../f32-matrix";
import { matchLexical } from "../bm25";
import { copyIntoMemory, createF32Kernel, memoryFor, scratchBytes } from "./wasm-kernel";

// Built by `npm run build:wasm` (the pretest script).
const kernelModule = loadKernelModule();

const unitVectors = (count: number, dim: number, seed: number) => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => l2Normalize(Array.from({ length: dim }, () => next() * 2 - 1))!);
};

/** Float64 reference top-k with ties by row. */
function reference(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  return vectors
    .map((v, row) => ({ row, score: v.reduce((sum, x, j) => sum + x * query[j]!, 0) }))
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .slice(0, k)
    .map((h) => h.row);
}

describe("WASM SIMD kernel", () => {
  // 3,001 rows: whole blocks of four, then one plain row; dimension 7 cannot be blocked
  it.each([
    [384, "blocks"], [512, "blocks"], [100, "blocks"], [384, "plain rows"], [7, "plain rows"],
  ] as const)("gives the float64 reference's top-10 at dim %i in %s", (dim, layout) => {
    const vectors = unitVectors(3001, dim, dim);
    const blockedRows = layout === "blocks" ? blockedRowsFor(vectors.length, dim) : 0;
    expect(blockedRows).toBe(layout === "blocks" ? 3000 : 0);
    const values = new Float32Array(vectors.length * dim);
    layOutRows(vectors, dim, values, blockedRows);
    const matrix = { values, dim, count: vectors.length, blockedRows };
    const kernel = createF32Kernel(kernelModule, copyIntoMemory(new Uint8Array(values.buffer), dim, vectors.length), matrix);
    for (const seed of [1, 2, 3]) {
      const query = unitVectors(1, dim, 1000 + seed)[0]!;
      const rank = Uint32Array.from({ length: vectors.length }, (_, i) => i);
      const scores = kernel.scores(query);
      expect(selectTopK(scores, 10, rank).map((h) => h.index)).toEqual(reference(vectors, query, 10));
      // every row, the blocks' and the plain tail's, against the JS loop over the same layout
      const js = denseScores(matrix, query);
      for (const row of [0, 1, 2, 3, 4, 2999, 3000]) expect(scores[row]).toBeCloseTo(js[row]!, 5);
    }
  });

  it("ranks an index the same through WASM and through the JS fallback", async () => {
    const vectors = unitVectors(500, 384, 42);
    const records = vectors.map((_, i) => ({ id: String(i), question: `question ${i}`, answer: null, url: null, category: null }));
    const index = await decodeIndex((await buildIndex({ model: "m", builtAt: "t", dim: 384, records, vectors })).blob);
    const wasm = scorerFor(index, kernelModule);
    expect(wasm.kernel).toBe("wasm-f32");
    const query = unitVectors(1, 384, 7)[0]!;
    const request = { mode: "semantic" as const, query: "q", queryVector: query, k: 10, category: null };
    const viaWasm = rankFaqs(index, request, wasm).map((h) => h.index);
    const jsIndex = await decodeIndex((await buildIndex({ model: "m", builtAt: "t", dim: 384, records, vectors })).blob);
    expect(scorerFor(jsIndex).kernel).toBe("js-f32");
    expect(rankFaqs(jsIndex, request).map((h) => h.index)).toEqual(viaWasm);
    expect(viaWasm).toEqual(reference(vectors, query, 10));
  });

  it("keeps recall@5 against exact float32 at 0.99 or more with an int8 index, reporting near-exact cosines", async () => {
    const vectors = unitVectors(2000, 384, 9);
    const records = vectors.map((_, i) => ({ id: String(i), question: `q${i}`, answer: null, url: null, category: null }));
    const index = await decodeIndex((await buildIndex({ model: "m", builtAt: "t", dim: 384, records, vectors, encoding: "int8" })).blob);
    expect(index.matrix).toBeNull();
    const scorer = scorerFor(index, kernelModule);
    expect(scorer.kernel).toBe("wasm-int8");
    let found = 0;
    const queries = 40;
    for (let seed = 0; seed < queries; seed++) {
      const query = unitVectors(1, 384, 500 + seed)[0]!;
      const hits = rankFaqs(index, { mode: "semantic", query: "q", queryVector: query, k: 5, category: null }, scorer);
      const exactTop5 = new Set(reference(vectors, query, 5));
      found += hits.filter((h) => exactTop5.has(h.index)).length;
      const exact = vectors[hits[0]!.index]!.reduce((sum, x, j) => sum + x * query[j]!, 0);
      expect(hits[0]!.semantic).toBeCloseTo(exact, 2);
    }
    expect(found / (5 * queries)).toBeGreaterThanOrEqual(0.99);
  });
});

/** An index decoded where the Worker keeps it: the blob at the start of a WebAssembly memory, kernel scratch after it. */
async function decodedInWasmMemory(blob: ArrayBuffer, dim: number, count: number) {
  const memory = memoryFor(blob.byteLength + scratchBytes(dim, count));
  const bytes = new Uint8Array(memory.buffer, 0, blob.byteLength);
  bytes.set(new Uint8Array(blob));
  const index = await decodeIndex(bytes);
  index.memory = memory;
  return index;
}

describe("WASM BM25 posting loop", () => {
  const words = "reset password invoice refund plan team export import login email account billing how do i my".split(" ");
  const next = seededRandom(77);
  const pick = () => words[Math.floor(next() * words.length)]!;
  const COUNT = 2003;
  const DIM = 24;
  const records = Array.from({ length: COUNT }, (_, i) => ({
    id: String(i), question: `How do I ${pick()} my ${pick()} ${pick()}?`, answer: `About ${pick()} and ${pick()}, item ${i}.`, url: null, category: null,
  }));
  const vectors = unitVectors(COUNT, DIM, 5);
  // plain words, a typo (near terms: the JS path with alternatives) and a word no FAQ has
  const QUERIES = ["how do i reset my password", "refund invoice", "exprot my acount", "billing billing team", "nothing here at all", "i"];

  it.each(["f32", "int8"] as const)("adds up the same scores to the bit as the JS loop, over %s vectors", async (encoding) => {
    const { blob } = await buildIndex({ model: "m", builtAt: "t", dim: DIM, records, vectors, encoding });
    const index = await decodedInWasmMemory(blob, DIM, COUNT);
    const scorer = scorerFor(index, kernelModule);
    expect(scorer.postings).not.toBeNull();
    for (const query of QUERIES) {
      const viaWasm = matchLexical(index.lexical, query, COUNT, scorer.postings!);
      const viaWasmScores = Float32Array.from(viaWasm.scores); // the kernel's array is reused by the next query
      const viaJs = matchLexical(index.lexical, query, COUNT);
      expect(viaWasm.perfect).toBe(viaJs.perfect);
      expect(viaWasmScores).toEqual(viaJs.scores);
    }
    const matched = matchLexical(index.lexical, "reset password", COUNT, scorer.postings!);
    expect(matched.scores.some((score) => score > 0)).toBe(true); // the comparison above is not between empty arrays
  });

  it("ranks hybrid and lexical requests the same with the kernel as with the JS loop", async () => {
    const { blob } = await buildIndex({ model: "m", builtAt: "t", dim: DIM, records, vectors });
    const inMemory = await decodedInWasmMemory(blob, DIM, COUNT);
    const plain = await decodeIndex(blob.slice(0));
    const withKernel = scorerFor(inMemory, kernelModule);
    const withoutKernel = scorerFor(plain, kernelModule);
    expect([withKernel.postings === null, withoutKernel.postings === null]).toEqual([false, true]); // a blob outside the memory: the JS loop
    for (const [i, query] of QUERIES.entries()) {
      for (const mode of ["hybrid", "lexical"] as const) {
        const request = { mode, query, queryVector: mode === "hybrid" ? unitVectors(1, DIM, 900 + i)[0]! : null, k: 8, category: null };
        expect(rankFaqs(inMemory, request, withKernel)).toEqual(rankFaqs(plain, request, withoutKernel));
      }
    }
  });
});
