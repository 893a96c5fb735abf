// The compiled SIMD kernel as a WebAssembly.Module. Only the Worker bundle
// imports this file: wrangler turns the .wasm import into a module at deploy
// time, which is also the only way Workers allow WebAssembly to be compiled.
import kernel from "./kernel.wasm";

export const kernelModule: WebAssembly.Module = kernel;
