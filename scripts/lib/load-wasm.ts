import { readFileSync } from "node:fs";

/** Node's WebAssembly has a synchronous Module constructor for bytes; the Workers types (used project-wide) leave it out. */
const nodeWebAssembly = WebAssembly as unknown as { Module: new (bytes: Uint8Array) => WebAssembly.Module };

const compiled = new Map<string, WebAssembly.Module>();

/** A module built by `npm run build:wasm`, compiled once, for use outside the Worker (seed, tests, benchmarks). */
function loadWasm(path: string): WebAssembly.Module {
  let module = compiled.get(path);
  if (!module) {
    module = new nodeWebAssembly.Module(readFileSync(new URL(`../../${path}`, import.meta.url)));
    compiled.set(path, module);
  }
  return module;
}

/** The SIMD search kernel. */
export const loadKernelModule = () => loadWasm("src/search/wasm/kernel.wasm");

/** The XXH64 chunk checksum. */
export const loadXxh64Module = () => loadWasm("src/index-store/wasm/xxh64.wasm");
