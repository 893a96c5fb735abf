import type { BlobAllocation, BlobAllocator } from "./index-cache";
import { memoryFor } from "../search/wasm/wasm-kernel";
import { checksumIn } from "./chunk-checksum";
import { PAGE, wasmIndexBytes, wasmIndexMemory } from "./wasm-layout";
import { xxh64Module } from "./wasm/xxh64-module";

/**
 * The layout of an index in WebAssembly memory, stated once:
 *
 *   [0, blob)                 the blob, assembled chunk by chunk from KV
 *   [blob, +scratchBytes)     the kernels' query, one semantic and one word score per row (scratchLayout in wasm-kernel.ts)
 *
 * Each chunk is checksummed (XXH64) where it lands, and the vectors are
 * searched where KV delivered them, with no second copy
 * (that matters at 100k FAQs in 128 MB). A memory can be reused for the next
 * version, grown in place when that one is larger.
 */
const bytesFor = wasmIndexBytes;

export const wasmAllocator: BlobAllocator = {
  size: wasmIndexMemory,
  allocate(pointer, reuse?: BlobAllocation) {
    let memory = reuse?.memory;
    if (memory) {
      const missing = bytesFor(pointer) - memory.buffer.byteLength;
      if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
    } else {
      memory = memoryFor(bytesFor(pointer));
    }
    return { bytes: new Uint8Array(memory.buffer, 0, pointer.bytes), memory, checksum: checksumIn(xxh64Module, memory) };
  },
};
