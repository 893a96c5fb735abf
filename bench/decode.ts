/**
 * Cold start: decoding and validating a 10k-FAQ index blob (384-d float32,
 * realistic question and answer lengths), with the SHA-256 checksum included,
 * and the same decode with the checksum's share measured alone.
 */
import { buildIndex } from "../src/index-blob/build-index";
import { contentDigest } from "../src/index-blob/checksum";
import { decodeIndex } from "../src/index-blob/decode";
import { timeCall } from "./lib/measure";
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
  const decodeMs = await timeCall(() => decodeIndex(blob, version), 5);
  const checksumMs = await timeCall(() => contentDigest(new Uint8Array(blob)), 5);
  return { count, blobBytes: blob.byteLength, decodeMs, checksumMs };
}
