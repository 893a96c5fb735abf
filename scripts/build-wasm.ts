/**
 * Assembles the WebAssembly text modules into .wasm with wabt (run by
 * `npm start`, `npm test`, and wrangler's build step): the SIMD search kernel
 * and the XXH64 chunk checksum. The .wasm files are build outputs and are not
 * committed.
 */
import { readFile, writeFile } from "node:fs/promises";
import wabtFactory from "wabt";

const WASM_SOURCES = ["src/search/wasm/kernel.wat", "src/index-store/wasm/xxh64.wat"];

const wabt = await wabtFactory();
for (const source of WASM_SOURCES) {
  const target = source.replace(/\.wat$/, ".wasm");
  const module = wabt.parseWat(source, await readFile(source, "utf8"), { simd: true });
  module.validate();
  const { buffer } = module.toBinary({ log: false, write_debug_names: false });
  // Rewriting an identical file would make `wrangler dev`, which watches src/, rebuild forever.
  const existing = await readFile(target).catch(() => null);
  if (existing && Buffer.compare(existing, Buffer.from(buffer)) === 0) {
    console.log(`${target} is up to date (${buffer.length} bytes)`);
  } else {
    await writeFile(target, buffer);
    console.log(`built ${target} (${buffer.length} bytes)`);
  }
}
