import { INDEX_MEMORY_BUDGET } from "../../src/index-store/index-cache";
import { CHUNK_BYTES, type IndexPointer } from "../../src/index-store/keys";
import { wasmIndexMemory } from "../../src/index-store/wasm-layout";
import { UsageError } from "../lib/usage-error";

const mib = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;

/**
 * Refuses an index a Worker could never load: its memory there (the blob and
 * the kernels' scratch, as the Worker allocates it) plus one chunk in flight
 * must fit the isolate's index memory budget, which every collection shares.
 */
export function checkFitsIndexMemory(pointer: IndexPointer): void {
  const needed = wasmIndexMemory(pointer) + Math.min(CHUNK_BYTES, pointer.bytes);
  if (needed <= INDEX_MEMORY_BUDGET) return;
  throw new UsageError(`this index needs ${mib(needed)} of a Worker's index memory, over its budget of ${mib(INDEX_MEMORY_BUDGET)}: `
    + "store int8 vectors (--vectors int8, a quarter of the size) or split the FAQs into several collections");
}
