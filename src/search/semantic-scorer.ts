import type { FaqIndex } from "../index-blob/format";
import { dotRow, denseScores } from "./dense-scores";
import { dequantizedDot } from "./quantize";
import type { PostingAdder } from "./bm25";
import { copyIntoMemory, createF32Kernel, createI8Kernel, createPostingKernel, type KernelMemory } from "./wasm/wasm-kernel";

/** Cosine scores of one query against every FAQ of an index. */
export interface SemanticScorer {
  /** Scores for all rows; the array may be reused by the next call. */
  scoreAll(query: Float32Array): Float32Array;
  /** False when scoreAll estimates (int8 query); then scoreRow gives the score to report. */
  exact: boolean;
  scoreRow(row: number, query: Float32Array): number;
  /** Which kernel runs, for Server-Timing and the benchmark. */
  kernel: "wasm-f32" | "wasm-int8" | "js-f32" | "js-int8";
  /** The WebAssembly kernel's BM25 posting loop, when the whole blob lies in its memory; else null (the JS loop). */
  postings: PostingAdder | null;
}

const scorers = new WeakMap<FaqIndex, { module: WebAssembly.Module | null; scorer: SemanticScorer }>();

/** Where the index's vectors are for the kernel: in place when the blob lives in a WebAssembly memory, else a copy. */
function kernelMemory(index: FaqIndex, vectors: Uint8Array): KernelMemory {
  const memory = index.memory;
  if (memory && vectors.buffer === memory.buffer) {
    return { memory, dataOffset: vectors.byteOffset, scratchOffset: index.bytes.byteOffset + index.bytes.length };
  }
  return copyIntoMemory(vectors, index.dim, index.count);
}

/** The posting kernel when the postings lie in the kernel's memory too (the blob was loaded there), else null. */
function postingKernel(index: FaqIndex, module: WebAssembly.Module, at: KernelMemory): PostingAdder | null {
  return index.lexical.postingDoc.buffer === at.memory.buffer ? createPostingKernel(module, at, index.lexical, index.dim, index.count) : null;
}

function build(index: FaqIndex, module: WebAssembly.Module | null): SemanticScorer {
  const { matrix, quantized, dim, count } = index;
  if (matrix) {
    const scoreRow = (row: number, query: Float32Array) => dotRow(matrix, row, query);
    if (module) {
      const { values } = matrix;
      const at = kernelMemory(index, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      return { scoreAll: createF32Kernel(module, at, matrix).scores, exact: true, scoreRow, kernel: "wasm-f32", postings: postingKernel(index, module, at) };
    }
    return { scoreAll: (query) => denseScores(matrix, query), exact: true, scoreRow, kernel: "js-f32", postings: null };
  }
  const q = quantized!;
  const scoreRow = (row: number, query: Float32Array) => dequantizedDot(q, row, query);
  if (module) {
    const at = kernelMemory(index, new Uint8Array(q.rows.buffer, q.rows.byteOffset, q.rows.byteLength));
    return { scoreAll: createI8Kernel(module, at, dim, q.stride, q.scales).scores, exact: false, scoreRow, kernel: "wasm-int8", postings: postingKernel(index, module, at) };
  }
  const scores = new Float32Array(count);
  return {
    scoreAll(query) {
      for (let row = 0; row < count; row++) scores[row] = scoreRow(row, query);
      return scores;
    },
    exact: true,
    scoreRow,
    kernel: "js-int8",
    postings: null,
  };
}

/** Errors that mean "this runtime cannot run the kernel here", as opposed to a bug. */
const isWasmUnavailable = (error: unknown) =>
  error instanceof WebAssembly.CompileError || error instanceof WebAssembly.RuntimeError
  || (error instanceof Error && error.name === "LinkError") // not in workers-types' WebAssembly
  || error instanceof RangeError; // a memory that cannot grow

/**
 * The scorer for an index and kernel module, made once and kept with the
 * index: the WASM SIMD kernel when `module` is given and instantiates, else
 * plain JS loops. Only a failure to run WebAssembly falls back (and is
 * logged); any other error is a bug and is thrown.
 */
export function scorerFor(index: FaqIndex, module: WebAssembly.Module | null = null): SemanticScorer {
  const kept = scorers.get(index);
  if (kept && kept.module === module) return kept.scorer;
  let scorer: SemanticScorer;
  try {
    scorer = build(index, module);
  } catch (error) {
    if (!isWasmUnavailable(error)) throw error;
    console.warn(`WebAssembly kernel unavailable (${(error as Error).name}); ranking with the JS loop`);
    scorer = build(index, null);
  }
  scorers.set(index, { module, scorer });
  return scorer;
}
