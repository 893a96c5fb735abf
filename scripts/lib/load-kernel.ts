import { readFile } from "node:fs/promises";

/** Node's WebAssembly has compile(); the Workers types (used project-wide) leave it out. */
const nodeWebAssembly = WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> };

/** The SIMD kernel built by `npm run build:wasm`, compiled for use outside the Worker (tests, benchmarks). */
export async function loadKernelModule(): Promise<WebAssembly.Module> {
  return nodeWebAssembly.compile(await readFile(new URL("../../src/search/wasm/kernel.wasm", import.meta.url)));
}
