import { quantizeInto } from "../quantize";

/** Scores every row of an index against one query. */
export interface DenseKernel {
  /** Semantic score per row; the array is reused by the next call. */
  scores(query: Float32Array): Float32Array;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  dotF32(matrix: number, query: number, dim: number, count: number, out: number): void;
  dotI8(matrix: number, query: number, stride: number, count: number, out: number): void;
}

const PAGE = 65536;

function instantiate(module: WebAssembly.Module, bytes: number): KernelExports {
  const exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
  const pages = Math.ceil(bytes / PAGE) - exports.memory.buffer.byteLength / PAGE;
  if (pages > 0) exports.memory.grow(pages);
  return exports;
}

/**
 * The float32 SIMD kernel. The matrix is copied into the module's memory once
 * (WebAssembly can only read its own memory); each query then costs one copy
 * of `dim` floats in and a view of the scores out.
 */
export function createF32Kernel(module: WebAssembly.Module, matrix: Float32Array, dim: number): DenseKernel {
  const count = matrix.length / dim;
  const matrixPtr = 0;
  const queryPtr = matrix.byteLength;
  const outPtr = queryPtr + dim * 4;
  const wasm = instantiate(module, outPtr + count * 4);
  new Float32Array(wasm.memory.buffer, matrixPtr, matrix.length).set(matrix);
  const query = new Float32Array(wasm.memory.buffer, queryPtr, dim);
  const out = new Float32Array(wasm.memory.buffer, outPtr, count);
  return {
    scores(vector) {
      query.set(vector);
      wasm.dotF32(matrixPtr, queryPtr, dim, count, outPtr);
      return out;
    },
  };
}

/**
 * The int8 SIMD kernel over rows quantised with one scale each (value =
 * int8 * scale). The query is quantised the same way, so a score is
 * int32 dot * row scale * query scale: an estimate, rescored exactly later.
 */
export function createI8Kernel(module: WebAssembly.Module, rows: Int8Array, stride: number, scales: Float32Array): DenseKernel {
  const count = scales.length;
  const queryPtr = rows.byteLength;
  const outPtr = queryPtr + stride;
  const wasm = instantiate(module, outPtr + count * 4);
  new Int8Array(wasm.memory.buffer, 0, rows.length).set(rows);
  const query = new Int8Array(wasm.memory.buffer, queryPtr, stride);
  const dots = new Int32Array(wasm.memory.buffer, outPtr, count);
  const scores = new Float32Array(count);
  return {
    scores(vector) {
      const queryScale = quantizeInto(vector, query);
      wasm.dotI8(0, queryPtr, stride, count, outPtr);
      for (let row = 0; row < count; row++) scores[row] = dots[row]! * scales[row]! * queryScale;
      return scores;
    },
  };
}
