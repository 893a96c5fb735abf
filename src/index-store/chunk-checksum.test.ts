import xxhashWasm from "xxhash-wasm";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bench/lib/random";
import { loadXxh64Module } from "../../scripts/lib/load-wasm";
import { checksumIn, checksumsOf } from "./chunk-checksum";

const xxh64 = loadXxh64Module();
const reference = await xxhashWasm();

const randomBytes = (length: number, seed: number) => {
  const next = seededRandom(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
};
const hex = (value: bigint) => value.toString(16).padStart(16, "0");

describe("XXH64 in WebAssembly", () => {
  it("gives the published value for no bytes", () => {
    expect(checksumsOf(xxh64, new Uint8Array(1), 1)).toHaveLength(1);
    const memory = new WebAssembly.Memory({ initial: 1 });
    expect(checksumIn(xxh64, memory)(0, 0)).toBe("ef46db3751d8e999");
  });

  it("agrees with xxhash-wasm for every length from 0 to 300, at aligned and unaligned offsets", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const checksum = checksumIn(xxh64, memory);
    const view = new Uint8Array(memory.buffer);
    for (let length = 0; length <= 300; length++) {
      for (const offset of [0, 5]) {
        const bytes = randomBytes(length, length * 7 + offset);
        view.set(bytes, offset);
        expect(checksum(offset, length), `length ${length} at ${offset}`).toBe(hex(reference.h64Raw(bytes, 0n)));
      }
    }
  });

  it("checksums each chunk of a blob on its own, the last one short", () => {
    const blob = randomBytes(2_500_000, 42);
    const sums = checksumsOf(xxh64, blob, 1_000_000);
    expect(sums).toEqual([
      hex(reference.h64Raw(blob.subarray(0, 1_000_000), 0n)),
      hex(reference.h64Raw(blob.subarray(1_000_000, 2_000_000), 0n)),
      hex(reference.h64Raw(blob.subarray(2_000_000), 0n)),
    ]);
  });

  it("changes with any one flipped bit", () => {
    const blob = randomBytes(4096, 7);
    const [before] = checksumsOf(xxh64, blob, 4096);
    for (const at of [0, 1, 31, 32, 2047, 4095]) {
      const damaged = blob.slice();
      damaged[at]! ^= 0x10;
      expect(checksumsOf(xxh64, damaged, 4096)[0]).not.toBe(before);
    }
  });
});
