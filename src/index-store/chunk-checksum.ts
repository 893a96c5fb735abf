import { memoryFor } from "../search/wasm/wasm-kernel";

/** XXH64 (seed 0) of `length` bytes at `offset` of the memory it was made for, as 16 hex digits. */
export type ChunkChecksum = (offset: number, length: number) => string;

interface Xxh64Exports {
  begin(): void;
  stripes(pointer: number, length: number): void;
  finish(pointer: number, length: number, total: number): bigint;
}

/** Bytes hashed per call: small enough that V8's optimised code takes over after the first few (see xxh64.wat). */
const BLOCK_BYTES = 256 * 1024;

/** A checksum over bytes already in `memory`: the chunks are hashed where they were copied, never copied again. */
export function checksumIn(module: WebAssembly.Module, memory: WebAssembly.Memory): ChunkChecksum {
  const xxh64 = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Xxh64Exports;
  return (offset, length) => {
    const stripes = length - (length % 32);
    xxh64.begin();
    for (let at = 0; at < stripes; at += BLOCK_BYTES) xxh64.stripes(offset + at, Math.min(BLOCK_BYTES, stripes - at));
    return BigInt.asUintN(64, xxh64.finish(offset + stripes, length - stripes, length)).toString(16).padStart(16, "0");
  };
}

/**
 * The checksum of each `chunkBytes` piece of a blob, in order. The blob is
 * copied into a memory of its own: this runs where a blob is built, not per request.
 */
export function checksumsOf(module: WebAssembly.Module, blob: ArrayBuffer | Uint8Array, chunkBytes: number): string[] {
  const bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob);
  const memory = memoryFor(bytes.length);
  new Uint8Array(memory.buffer).set(bytes);
  const checksum = checksumIn(module, memory);
  const sums: string[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) sums.push(checksum(start, Math.min(chunkBytes, bytes.length - start)));
  return sums;
}
