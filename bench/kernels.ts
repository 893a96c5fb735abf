/**
 * Kernels, top-5 over N = 1k, 10k, 100k unit vectors of 384 dimensions (fixed
 * seeded data): our WASM f32 and int8 kernels through the Worker's ranking
 * code, the plain JS loop, Orama vector search, usearch exactSearch (native)
 * and numpy (E @ q, argpartition), all in one run; ours and numpy on one
 * thread in alternating turns. Writes bench/results/kernels.json.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, insertMultiple, search } from "@orama/orama";
import usearch from "usearch";
import { rankFaqs } from "../src/search/rank";
import { scorerFor } from "../src/search/semantic-scorer";
import { loadKernelModule } from "../scripts/lib/load-wasm";
import { vectorOnlyIndex } from "./lib/bench-index";
import { median, timeCall } from "./lib/measure";
import { unitMatrix } from "./lib/random";

export const SIZES = [1000, 10000, 100000];
const DIM = 384;
const QUERIES = 64;
/** Alternating turns of our kernels and one-thread numpy. */
const TURNS = 3;

const repsFor = (n: number) => Math.max(3, Math.round(2_000_000 / n));

export type KernelRow = Record<"ours_f32" | "ours_int8" | "js_reference" | "orama" | "usearch" | "numpy", number>;

export async function benchKernels(log: (line: string) => void) {
  const kernelModule = loadKernelModule();
  const queries = unitMatrix(QUERIES, DIM, 7);
  const query = (i: number) => queries.subarray((i % QUERIES) * DIM, ((i % QUERIES) + 1) * DIM);
  const vectorsPerSecond: Record<string, KernelRow> = {};
  const singleThreadMs: Record<string, { numpy: number; usearch: number }> = {};
  let recall5Int8 = 0;
  const workDir = await mkdtemp(join(tmpdir(), "faq-bench-"));
  try {
    for (const n of SIZES) {
      const matrix = unitMatrix(n, DIM, n);
      const reps = repsFor(n);
      const request = (i: number) => ({ mode: "semantic" as const, query: "", queryVector: query(i), k: 5, category: null });
      const f32 = vectorOnlyIndex(matrix, DIM, "f32");
      const int8 = vectorOnlyIndex(matrix, DIM, "int8");
      const jsIndex = vectorOnlyIndex(matrix, DIM, "f32");
      const wasmF32 = scorerFor(f32, kernelModule);
      const wasmI8 = scorerFor(int8, kernelModule);
      const js = scorerFor(jsIndex);
      const db = create({ schema: { v: `vector[${DIM}]` } as const });
      await insertMultiple(db, Array.from({ length: n }, (_, i) => ({ v: Array.from(matrix.subarray(i * DIM, (i + 1) * DIM)) })), 5000);

      const matrixPath = join(workDir, "matrix.f32");
      const queriesPath = join(workDir, "queries.f32");
      await writeFile(matrixPath, new Uint8Array(matrix.buffer));
      await writeFile(queriesPath, new Uint8Array(queries.buffer));
      const numpyArgs = ["bench/lib/numpy-peer.py", matrixPath, queriesPath, String(n), String(DIM), String(reps), "7"];
      const numpyMs = (env: NodeJS.ProcessEnv = process.env): number => JSON.parse(execFileSync("python3", numpyArgs, { encoding: "utf8", env })).ms_per_query;
      // A Worker has one thread; the peers use both cores unless told otherwise, so their one-thread figures are kept too.
      const oneThread = { ...process.env, OPENBLAS_NUM_THREADS: "1" };

      let i = 0;
      // The figures the targets compare (ours against numpy on one thread) are
      // taken in alternating turns, medians of each: a burst of noise on this
      // shared machine then falls on both sides instead of on one.
      const turns: Record<"ours_f32" | "ours_int8" | "numpy_1t", number[]> = { ours_f32: [], ours_int8: [], numpy_1t: [] };
      for (let turn = 0; turn < TURNS; turn++) {
        turns.ours_f32.push(await timeCall(() => rankFaqs(f32, request(i++), wasmF32), reps));
        turns.ours_int8.push(await timeCall(() => rankFaqs(int8, request(i++), wasmI8), reps));
        turns.numpy_1t.push(numpyMs(oneThread));
      }
      const ms: Partial<KernelRow> = { ours_f32: median(turns.ours_f32), ours_int8: median(turns.ours_int8) };
      ms.js_reference = await timeCall(() => rankFaqs(jsIndex, request(i++), js), Math.max(3, reps >> 3));
      ms.orama = await timeCall(() => search(db, { mode: "vector", vector: { value: Array.from(query(i++)), property: "v" }, limit: 5, similarity: 0 }), Math.max(3, reps >> 4), 5);
      ms.usearch = await timeCall(() => usearch.exactSearch(matrix, query(i++), DIM, 5, usearch.MetricKind.IP), reps);
      ms.numpy = numpyMs();
      singleThreadMs[n] = {
        numpy: median(turns.numpy_1t),
        usearch: await timeCall(() => usearch.exactSearch(matrix, query(i++), DIM, 5, usearch.MetricKind.IP, 1), reps),
      };

      vectorsPerSecond[n] = Object.fromEntries(Object.entries(ms).map(([engine, perQuery]) => [engine, Math.round(n / (perQuery! / 1000))])) as KernelRow;
      log(`N=${n}: ${Object.entries(ms).map(([engine, perQuery]) => `${engine} ${perQuery!.toFixed(3)} ms`).join(", ")}`);

      if (n === SIZES[SIZES.length - 1]) {
        let found = 0;
        for (let q = 0; q < QUERIES; q++) {
          const exact = new Set(rankFaqs(f32, request(q), wasmF32).map((h) => h.index));
          found += rankFaqs(int8, request(q), wasmI8).filter((h) => exact.has(h.index)).length;
        }
        recall5Int8 = found / (5 * QUERIES);
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const singleThreadPeers = Object.fromEntries(Object.entries(singleThreadMs).map(([n, peer]) => [n, {
    numpy: Math.round(Number(n) / (peer.numpy / 1000)), usearch: Math.round(Number(n) / (peer.usearch / 1000)),
  }]));
  return { vectorsPerSecond, singleThreadPeers, recall5Int8 };
}
