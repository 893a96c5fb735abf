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
}

const PAGE = 65536;

/** Bytes of scratch the kernels need after the data: the query and one 4-byte score per row. */
export const scratchBytes = (dim: number, count: number) => 16 + Math.ceil(dim / 16) * 64 + count * 4;

/** A WebAssembly memory of at least `bytes`. */
export const memoryFor = (bytes: number) => new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });

const instantiate = (module: WebAssembly.Module, memory: WebAssembly.Memory) =>
  new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;

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
  const queryPtr = Math.ceil(at.scratchOffset / 16) * 16;
  const outPtr = queryPtr + Math.ceil(dim / 16) * 64;
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
export function createI8Kernel(module: WebAssembly.Module, at: KernelMemory, stride: number, scales: Float32Array): DenseKernel {
  const count = scales.length;
  const wasm = instantiate(module, at.memory);
  const queryPtr = Math.ceil(at.scratchOffset / 16) * 16;
  const outPtr = queryPtr + stride;
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

/** Copies `data` into a new memory with scratch room: for vectors that are not in a WebAssembly memory yet. */
export function copyIntoMemory(data: Uint8Array, dim: number, count: number): KernelMemory {
  const memory = memoryFor(data.length + scratchBytes(dim, count) + 16);
  new Uint8Array(memory.buffer, 0, data.length).set(data);
  return { memory, dataOffset: 0, scratchOffset: data.length };
}
