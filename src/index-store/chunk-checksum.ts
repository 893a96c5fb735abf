/** XXH64 (seed 0) of `length` bytes at `offset` of the memory it was made for, as 16 hex digits. */
export type ChunkChecksum = (offset: number, length: number) => string;

interface Xxh64Exports {
  xxh64(pointer: number, length: number, seed: bigint): bigint;
}

const PAGE = 65536;

/** A checksum over bytes already in `memory`: the chunks are hashed where they were copied, never copied again. */
export function checksumIn(module: WebAssembly.Module, memory: WebAssembly.Memory): ChunkChecksum {
  const { xxh64 } = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Xxh64Exports;
  return (offset, length) => BigInt.asUintN(64, xxh64(offset, length, 0n)).toString(16).padStart(16, "0");
}

/**
 * The checksum of each `chunkBytes` piece of a blob, in order. The blob is
 * copied into a memory of its own: this runs where a blob is built, not per request.
 */
export function checksumsOf(module: WebAssembly.Module, blob: ArrayBuffer | Uint8Array, chunkBytes: number): string[] {
  const bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob);
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes.length / PAGE)) });
  new Uint8Array(memory.buffer).set(bytes);
  const checksum = checksumIn(module, memory);
  const sums: string[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) sums.push(checksum(start, Math.min(chunkBytes, bytes.length - start)));
  return sums;
}
