// The compiled XXH64 checksum as a WebAssembly.Module. Only the Worker bundle
// imports this file (wrangler turns the .wasm import into a module); Node
// compiles the same file with scripts/lib/load-wasm.ts.
import xxh64 from "./xxh64.wasm";

export const xxh64Module: WebAssembly.Module = xxh64;
