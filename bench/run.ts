/**
 * `npm run bench`: every scenario in one run on this machine, a table on
 * stderr, JSON in bench/results/, an SVG chart, and a JSON summary as the
 * last line on stdout.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { benchBundle } from "./bundle";
import { kernelChartSvg } from "./chart";
import { benchDecode } from "./decode";
import { benchKernels } from "./kernels";
import { benchLexical } from "./lexical";
import { RESULTS_DIR, writeResults } from "./lib/results-file";

const log = (line: string) => console.error(line);

await mkdir(RESULTS_DIR, { recursive: true });
const kernels = await benchKernels(log);
const decode = await benchDecode();
log(`load 10k (${(decode.blobBytes / 2 ** 20).toFixed(1)} MiB): copy + XXH64 per chunk + decode ${decode.loadMs.toFixed(2)} ms, of which decode ${decode.decodeMs.toFixed(2)} ms (first load ${decode.firstLoadMs.toFixed(2)} ms, against ${decode.firstTouchMs.toFixed(2)} ms to write a fresh memory of that size); `
  + `copy alone ${decode.copyMs.toFixed(2)} ms (${decode.copyGBps.toFixed(1)} GB/s), XXH64 alone ${decode.xxh64Ms.toFixed(2)} ms (${decode.xxh64GBps.toFixed(1)} GB/s); `
  + `decode with SHA-256 ${decode.decodeSha256Ms.toFixed(2)} ms, SHA-256 alone ${decode.sha256Ms.toFixed(2)} ms`);
const lexical = await benchLexical();
log(`BM25 over ${lexical.faqs} FAQs, per query (${lexical.queries.length} queries matching ${lexical.matchedFaqsPerQuery.join(", ")} FAQs): the WebAssembly posting loop ${lexical.kernelUs.toFixed(1)} us, the JS loop ${lexical.jsUs.toFixed(1)} us (medians of alternating rounds)`);
const bundle = await benchBundle();
log(`bundle: ${bundle.rawKiB} KiB, gzip ${bundle.gzipKiB} KiB; minified KiB by package: ${JSON.stringify(bundle.byPackageKiB)}`);

const ratios = (n: string) => {
  const row = kernels.vectorsPerSecond[n]!;
  const oneThread = kernels.singleThreadPeers[n]!;
  return {
    // the targets: against the peers on one thread, as a Worker runs
    f32_vs_numpy_1t: row.ours_f32 / oneThread.numpy, int8_vs_numpy_1t: row.ours_int8 / oneThread.numpy, f32_vs_usearch_1t: row.ours_f32 / oneThread.usearch,
    f32_vs_usearch: row.ours_f32 / row.usearch, f32_vs_numpy: row.ours_f32 / row.numpy, int8_vs_numpy: row.ours_int8 / row.numpy, f32_vs_orama: row.ours_f32 / row.orama, int8_vs_orama: row.ours_int8 / row.orama,
  };
};
log("\nvectors/s          " + Object.keys(kernels.vectorsPerSecond[1000]!).map((e) => e.padStart(13)).join(""));
for (const [n, row] of Object.entries(kernels.vectorsPerSecond)) {
  log(`N=${n.padEnd(16)}` + Object.values(row).map((v) => (v / 1e6).toFixed(2).padStart(11) + " M").join(""));
}
for (const n of Object.keys(kernels.vectorsPerSecond)) log(`ratios N=${n}: ${JSON.stringify(ratios(n), (_, v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v))}`);
log(`recall@5 int8 vs exact f32 at 100k: ${kernels.recall5Int8}`);
log(`peers on one thread (vectors/s): ${JSON.stringify(kernels.singleThreadPeers)}`);

const measuredAt = new Date().toISOString();
await writeResults("kernels", { measuredAt, vectorsPerSecond: kernels.vectorsPerSecond, singleThreadPeers: kernels.singleThreadPeers, recall5Int8: kernels.recall5Int8, ratios: Object.fromEntries(Object.keys(kernels.vectorsPerSecond).map((n) => [n, ratios(n)])) });
await writeResults("decode", { measuredAt, ...decode });
await writeResults("lexical", { measuredAt, ...lexical });
await writeResults("bundle", { measuredAt, ...bundle });
await writeFile(`${RESULTS_DIR}/kernels.svg`, kernelChartSvg(kernels.vectorsPerSecond) + "\n");

console.log(JSON.stringify({
  vectors_per_s: kernels.vectorsPerSecond,
  // the peers pinned to one thread, the fair comparison for a Worker's single thread
  vectors_per_s_1t: kernels.singleThreadPeers,
  recall5_int8: kernels.recall5Int8,
  // copy into WebAssembly memory + XXH64 per chunk + decode, and the copy alone (the floor)
  load_ms_10k: Math.round(decode.loadMs * 100) / 100,
  copy_ms_10k: Math.round(decode.copyMs * 100) / 100,
  xxh64_ms_10k: Math.round(decode.xxh64Ms * 100) / 100,
  decode_ms_10k: Math.round(decode.decodeMs * 100) / 100,
  first_load_ms_10k: Math.round(decode.firstLoadMs * 100) / 100,
  first_touch_ms_10k: Math.round(decode.firstTouchMs * 100) / 100,
  decode_sha256_ms_10k: Math.round(decode.decodeSha256Ms * 100) / 100,
  bm25_us_10k: { wasm: Math.round(lexical.kernelUs * 10) / 10, js: Math.round(lexical.jsUs * 10) / 10 },
  bundle_gzip_kib: bundle.gzipKiB,
  bundle_kib_by_package: bundle.byPackageKiB,
}));
