import type { LexicalIndex, PostingAdder } from "../bm25";
import { ROW_BLOCK, type F32Matrix } from "../f32-matrix";
import { quantizeInto } from "../quantize";

/** Scores every row of an index against one query. */
export interface DenseKernel {
  /** Semantic score per row; the array is reused by the next call. */
  scores(query: Float32Array): Float32Array;
}

interface KernelExports {
  dotF32(matrix: number, query: number, dim: number, count: number, out: number): void;
  dotF32Blocks(matrix: number, query: number, dim: number, blocks: number, out: number): void;
  dotI8(matrix: number, query: number, stride: number, count: number, out: number): void;
  addPostings(docs: number, weights: number, from: number, to: number, factor: number, scores: number): void;
}

const PAGE = 65536;

const align16 = (offset: number) => Math.ceil(offset / 16) * 16;

/**
 * Where the kernels' scratch lies from `scratchOffset`: the query (float32,
 * or int8 in fewer bytes), one semantic score per row, and one word score per row.
 */
export function scratchLayout(scratchOffset: number, dim: number, count: number) {
  const queryPtr = align16(scratchOffset);
  const scoresPtr = queryPtr + Math.ceil(dim / 16) * 64;
  const wordScoresPtr = align16(scoresPtr + count * 4);
  return { queryPtr, scoresPtr, wordScoresPtr, end: wordScoresPtr + count * 4 };
}

/** Bytes of scratch the kernels need after the data (scratchLayout), alignment included. */
export const scratchBytes = (dim: number, count: number) => scratchLayout(0, dim, count).end + 16;

/** A WebAssembly memory of at least `bytes`. */
export const memoryFor = (bytes: number) => new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });

const instances = new WeakMap<WebAssembly.Memory, { module: WebAssembly.Module; exports: KernelExports }>();

/** The kernel module's exports over `memory`, instantiated once per memory: the vector and the posting kernels of an index share them. */
function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const kept = instances.get(memory);
  if (kept?.module === module) return kept.exports;
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  instances.set(memory, { module, exports });
  return exports;
}

/** Where a kernel's data lies in `memory`, and where its scratch space may go. */
export interface KernelMemory {
  memory: WebAssembly.Memory;
  /** Byte offset of the vectors in memory. */
  dataOffset: number;
  /** First free byte after all data, with scratchBytes() of room up to the end. */
  scratchOffset: number;
}

/**
 * The float32 SIMD kernel over a matrix of unit vectors already in
 * `at.memory` (at.dataOffset): the row blocks through dotF32Blocks, the plain
 * rows after them through dotF32.
 */
export function createF32Kernel(module: WebAssembly.Module, at: KernelMemory, matrix: Pick<F32Matrix, "dim" | "count" | "blockedRows">): DenseKernel {
  const { dim, count, blockedRows } = matrix;
  const wasm = instantiate(module, at.memory);
  const { queryPtr, scoresPtr: outPtr } = scratchLayout(at.scratchOffset, dim, count);
  const query = new Float32Array(at.memory.buffer, queryPtr, dim);
  const out = new Float32Array(at.memory.buffer, outPtr, count);
  const plainRowsAt = at.dataOffset + blockedRows * dim * 4;
  return {
    scores(vector) {
      query.set(vector);
      if (blockedRows > 0) wasm.dotF32Blocks(at.dataOffset, queryPtr, dim, blockedRows / ROW_BLOCK, outPtr);
      if (blockedRows < count) wasm.dotF32(plainRowsAt, queryPtr, dim, count - blockedRows, outPtr + blockedRows * 4);
      return out;
    },
  };
}

/**
 * The int8 SIMD kernel over rows already in memory, quantised with one scale
 * each (value = int8 * scale). The query is quantised the same way, so a
 * score is int32 dot * row scale * query scale: an estimate, rescored later.
 */
export function createI8Kernel(module: WebAssembly.Module, at: KernelMemory, dim: number, stride: number, scales: Float32Array): DenseKernel {
  const count = scales.length;
  const wasm = instantiate(module, at.memory);
  // the int8 query (stride bytes) fits where a float32 one would go
  const { queryPtr, scoresPtr: outPtr } = scratchLayout(at.scratchOffset, dim, count);
  const query = new Int8Array(at.memory.buffer, queryPtr, stride);
  const dots = new Int32Array(at.memory.buffer, outPtr, count);
  const scores = new Float32Array(count);
  return {
    scores(vector) {
      const queryScale = quantizeInto(vector, query);
      wasm.dotI8(at.dataOffset, queryPtr, stride, count, outPtr);
      for (let row = 0; row < count; row++) scores[row] = dots[row]! * scales[row]! * queryScale;
      return scores;
    },
  };
}

/**
 * BM25 postings added up by the kernel, for an index whose postings already
 * lie in `at.memory` (the blob as loaded from KV). On an isolate's first
 * requests the JS loop runs unoptimised over every posting of common words;
 * WebAssembly runs compiled from the first call (docs/performance.md).
 */
export function createPostingKernel(module: WebAssembly.Module, at: KernelMemory, lexical: LexicalIndex, dim: number, count: number): PostingAdder {
  const wasm = instantiate(module, at.memory);
  const { wordScoresPtr } = scratchLayout(at.scratchOffset, dim, count);
  const scores = new Float32Array(at.memory.buffer, wordScoresPtr, count);
  const docs = lexical.postingDoc.byteOffset;
  const weights = lexical.postingWeight.byteOffset;
  return {
    start: () => scores.fill(0),
    add: (from, to, factor) => wasm.addPostings(docs, weights, from, to, factor, wordScoresPtr),
  };
}

/** Copies `data` into a new memory with scratch room: for vectors that are not in a WebAssembly memory yet. */
export function copyIntoMemory(data: Uint8Array, dim: number, count: number): KernelMemory {
  const memory = memoryFor(data.length + scratchBytes(dim, count) + 16);
  new Uint8Array(memory.buffer, 0, data.length).set(data);
  return { memory, dataOffset: 0, scratchOffset: data.length };
}
