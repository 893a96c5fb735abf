import { scratchBytes } from "../search/wasm/wasm-kernel";

/** A WebAssembly page. */
export const PAGE = 65536;

/**
 * Bytes an index takes in the WebAssembly memory the Worker loads it into
 * (wasm-allocator.ts): the blob, then the kernels' scratch. Apart from the
 * allocator so that Node (the seed) can compute it without the .wasm import.
 */
export const wasmIndexBytes = (pointer: { bytes: number; dim: number; count: number }) => pointer.bytes + scratchBytes(pointer.dim, pointer.count) + 16;

/** What an index holds of the isolate's index memory budget once loaded: whole pages. */
export const wasmIndexMemory = (pointer: { bytes: number; dim: number; count: number }) => Math.ceil(wasmIndexBytes(pointer) / PAGE) * PAGE;
