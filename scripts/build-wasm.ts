/**
 * Assembles src/search/wasm/kernel.wat into kernel.wasm with wabt (run by
 * `npm start`, `npm test`, and wrangler's build step). The .wasm is a build
 * output and is not committed.
 */
import { readFile, writeFile } from "node:fs/promises";
import wabtFactory from "wabt";

const SOURCE = "src/search/wasm/kernel.wat";
const TARGET = "src/search/wasm/kernel.wasm";

const wabt = await wabtFactory();
const module = wabt.parseWat(SOURCE, await readFile(SOURCE, "utf8"), { simd: true });
module.validate();
const { buffer } = module.toBinary({ log: false, write_debug_names: false });
// Rewriting an identical file would make `wrangler dev`, which watches src/, rebuild forever.
const existing = await readFile(TARGET).catch(() => null);
if (existing && Buffer.compare(existing, Buffer.from(buffer)) === 0) {
  console.log(`${TARGET} is up to date (${buffer.length} bytes)`);
} else {
  await writeFile(TARGET, buffer);
  console.log(`built ${TARGET} (${buffer.length} bytes)`);
}
