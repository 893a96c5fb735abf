import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface DecodeResults {
  measuredAt: string;
  count: number;
  blobBytes: number;
  loadMs: number;
  decodeMs: number;
  firstLoadMs: number;
  firstTouchMs: number;
  copyMs: number;
  copyGBps: number;
  xxh64Ms: number;
  xxh64GBps: number;
  decodeSha256Ms: number;
  sha256Ms: number;
}

/** The target for checking and decoding a 10k-FAQ blob once its chunks are in memory. */
const CHECK_AND_DECODE_TARGET_MS = 2;

const mib = (bytes: unknown) => num(bytes) / 2 ** 20;

/** bench/decode.ts through `npm run bench`: what a Worker does with a 10k-FAQ blob once KV has delivered it. */
export const decodeFigures = figureSource<DecodeResults>({
  file: "bench/results/decode.json",
  command: "npm run bench",
  figures: {
    ...whenMeasured,
    count: (r) => grouped(r.count),
    blobMiB: (r) => `${fixed(mib(r.blobBytes), 1)} MiB`,
    table: (r) => {
      const checkAndDecode = num(r.xxh64Ms) + num(r.decodeMs);
      const met = checkAndDecode <= CHECK_AND_DECODE_TARGET_MS ? "met" : "**missed**";
      return table(["measure", "value"], [
        ["copy + XXH64 per chunk + decode, warm", `**${fixed(r.loadMs, 2)} ms**: XXH64 ${fixed(r.xxh64Ms, 2)} ms (${fixed(r.xxh64GBps, 1)} GB/s) and decode ${fixed(r.decodeMs, 2)} ms, so **${fixed(checkAndDecode, 2)} ms** for checking and decoding (target ${CHECK_AND_DECODE_TARGET_MS} ms: ${met}), and the copy ${fixed(r.copyMs, 2)} ms (${fixed(r.copyGBps, 1)} GB/s)`],
        ["the same decode with SHA-256 over the whole blob, as before the chunk checksums", `${fixed(r.decodeSha256Ms, 1)} ms, of which SHA-256 ${fixed(r.sha256Ms, 1)} ms`],
        ["the first load of a process, into fresh memory", `${Math.round(num(r.firstLoadMs))} ms, against ${Math.round(num(r.firstTouchMs))} ms for merely writing a fresh memory of that size once`],
      ]);
    },
    copyGBps: (r) => `${fixed(r.copyGBps, 1)} GB/s`,
    xxh64GBps: (r) => `${fixed(r.xxh64GBps, 1)} GB/s`,
    sha256GBps: (r) => `${fixed(num(r.blobBytes) / num(r.sha256Ms) / 1e6, 1)} GB/s`,
    firstTouchMsPerMiB: (r) => `${fixed(num(r.firstTouchMs) / mib(r.blobBytes), 1)} ms`,
  },
});
