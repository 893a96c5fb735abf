import type { BlobAllocator } from "./index-cache";
import { memoryFor, scratchBytes } from "../search/wasm/wasm-kernel";

/**
 * Assembles blobs directly in a WebAssembly memory, with room after the blob
 * for the kernel's query and scores: the vectors are then searched where KV
 * delivered them, with no second copy (that matters at 100k FAQs in 128 MB).
 */
export const wasmAllocator: BlobAllocator = (pointer) => {
  const memory = memoryFor(pointer.bytes + scratchBytes(pointer.dim, pointer.count) + 16);
  return { bytes: new Uint8Array(memory.buffer, 0, pointer.bytes), memory };
};
