/**
 * Cold start: loading a 10k-FAQ index blob (384-d float32, realistic question
 * and answer lengths) the way the Worker does: chunks copied into WebAssembly
 * memory, each checked with XXH64 as it lands, then decoded and validated
 * without hashing it again. Beside it: the same decode with the SHA-256 of the
 * whole blob (pointers without checksums, and the seed's read-back), each
 * checksum alone, and a plain copy of the blob, the memory-bandwidth floor of
 * anything that reads every byte once on one thread.
 */
import { buildIndex } from "../src/index-blob/build-index";
import { contentDigest } from "../src/index-blob/checksum";
import { decodeIndex } from "../src/index-blob/decode";
import { checksumIn } from "../src/index-store/chunk-checksum";
import { chunkKey, pointerFor, splitBlob } from "../src/index-store/keys";
import { matchesChecksums, readChunks } from "../src/index-store/read-chunks";
import { memoryFor } from "../src/search/wasm/wasm-kernel";
import { loadXxh64Module } from "../scripts/lib/load-wasm";
import { median, timeCall } from "./lib/measure";
import { seededRandom, unitMatrix } from "./lib/random";

const WORDS = "account billing password reset invoice refund plan upgrade cancel delete export import team member role permission api key token limit quota region data privacy security login email phone".split(" ");

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
}

export async function benchDecode(count = 10_000, dim = 384) {
  const next = seededRandom(99);
  const matrix = unitMatrix(count, dim, 5);
  const records = Array.from({ length: count }, (_, i) => ({
    id: String(i), question: `${sentence(next, 9)}?`, answer: sentence(next, 60), url: `https://help.example/${i}`, category: WORDS[i % 5]!,
  }));
  const vectors = records.map((_, row) => matrix.subarray(row * dim, (row + 1) * dim));
  const { blob, version } = await buildIndex({ model: "bench", builtAt: "2026-01-01T00:00:00Z", dim, records, vectors });
  const source = new Uint8Array(blob);
  const xxh64 = loadXxh64Module();
  const pointer = pointerFor(blob, { version, model: "bench", dim, count, builtAt: "2026-01-01T00:00:00Z" }, xxh64);
  const chunks = new Map(splitBlob(blob).map((chunk, i) => [chunkKey(version, i), chunk]));

  // The Worker's path, through its own code: one memory for the life of the
  // isolate, chunks copied in by readChunks and checked as they land, then decoded.
  const memory = memoryFor(source.length);
  const inMemory = new Uint8Array(memory.buffer, 0, source.length);
  const checksum = checksumIn(xxh64, memory);
  const copyAndCheck = async () => {
    const bad = await readChunks(pointer, async (i) => chunks.get(chunkKey(version, i)) ?? null, inMemory, 1, matchesChecksums(pointer.checksums!, checksum, inMemory));
    if (bad !== null) throw new Error(`chunk ${bad} failed its checksum`);
  };
  // The first load of an isolate runs before the engine has optimised the checksum: timed alone, once.
  const start = performance.now();
  await copyAndCheck();
  await decodeIndex(inMemory, version, "checked-by-chunk");
  const firstLoadMs = performance.now() - start;

  // What writing every byte of a fresh memory costs (the OS maps each page on first touch): the floor of a first load.
  const firstTouchMs = median([0, 1, 2].map(() => {
    const fresh = new Uint8Array(memoryFor(source.length).buffer, 0, source.length);
    const t = performance.now();
    fresh.fill(1);
    return performance.now() - t;
  }));

  const loadMs = await timeCall(async () => {
    await copyAndCheck();
    await decodeIndex(inMemory, version, "checked-by-chunk");
  }, 5);
  const decodeMs = await timeCall(() => decodeIndex(inMemory, version, "checked-by-chunk"), 5);
  const copyMs = await timeCall(() => inMemory.set(source), 5);
  const xxh64Ms = await timeCall(() => checksum(0, source.length), 5);
  const decodeSha256Ms = await timeCall(() => decodeIndex(blob, version), 5);
  const sha256Ms = await timeCall(() => contentDigest(source), 5);
  return {
    count,
    blobBytes: blob.byteLength,
    /** copy into WebAssembly memory + XXH64 per chunk + decode: what the Worker does */
    loadMs,
    /** decoding and validating alone, the chunks already checked */
    decodeMs,
    /** the first load of the process, into fresh memory, before the checksum is optimised */
    firstLoadMs,
    firstTouchMs,
    /** copy alone: the floor for anything that reads every byte once */
    copyMs,
    copyGBps: source.length / copyMs / 1e6,
    xxh64Ms,
    xxh64GBps: source.length / xxh64Ms / 1e6,
    /** decode with SHA-256 over the blob: pointers without checksums */
    decodeSha256Ms,
    sha256Ms,
  };
}
