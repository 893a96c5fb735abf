import { figureSource } from "../figure-source";
import { fixed, num, sig3, table, whenMeasured } from "../format";

type BySize<T> = Record<"1000" | "10000" | "100000", T>;
interface KernelResults {
  measuredAt: string;
  vectorsPerSecond: BySize<Record<"ours_f32" | "ours_int8" | "js_reference" | "orama" | "usearch" | "numpy", number>>;
  singleThreadPeers: BySize<Record<"numpy" | "usearch", number>>;
  recall5Int8: number;
  ratios: BySize<Record<"f32_vs_numpy_1t" | "int8_vs_numpy_1t" | "f32_vs_orama" | "int8_vs_orama", number>>;
}

const SIZES = ["1000", "10000", "100000"] as const;
/** bench/kernels.ts scans 384-d float32 rows: 1,536 bytes each. */
const ROW_BYTES = 384 * 4;

const millions = (perSecond: unknown) => sig3(num(perSecond) / 1e6);
const gbPerSecond = (vectorsPerSecond: unknown) => `${fixed((num(vectorsPerSecond) * ROW_BYTES) / 1e9, 1)} GB/s`;
const msFor100k = (vectorsPerSecond: unknown) => `${fixed((100_000 / num(vectorsPerSecond)) * 1000, 1)} ms`;
const verdict = (met: boolean) => (met ? "met" : "**missed**");
const times = (ratio: unknown) => `${Math.round(num(ratio))}×`;

/** bench/kernels.ts through `npm run bench`: vectors scanned per second, ours against the peers. */
export const kernelFigures = figureSource<KernelResults>({
  file: "bench/results/kernels.json",
  command: "npm run bench",
  figures: {
    ...whenMeasured,
    table: (r) => table(
      ["N", "ours_f32 (WASM SIMD)", "ours_int8", "js_reference", "Orama", "usearch, 1 thread", "numpy, 1 thread", "usearch, 2 threads", "numpy, 2 threads"],
      SIZES.map((n) => {
        const all = r.vectorsPerSecond[n];
        const one = r.singleThreadPeers[n];
        return [Number(n).toLocaleString("en-US"), ...[all.ours_f32, all.ours_int8, all.js_reference, all.orama, one.usearch, one.numpy, all.usearch, all.numpy].map(millions)];
      }),
    ),
    targets: (r) => {
      const f32At10k = num(r.ratios["10000"].f32_vs_numpy_1t);
      const f32At100k = num(r.ratios["100000"].f32_vs_numpy_1t);
      const int8At100k = num(r.ratios["100000"].int8_vs_numpy_1t);
      const recall = num(r.recall5Int8);
      const overOrama = (kind: "f32" | "int8") => SIZES.map((n) => r.ratios[n][`${kind}_vs_orama`]);
      const oramaMet = [...overOrama("f32"), ...overOrama("int8")].every((ratio) => num(ratio) >= 10);
      return table(["target (one thread)", "measured", ""], [
        ["f32 ÷ numpy at 10k ≥ 1.0", fixed(f32At10k, 2), verdict(f32At10k >= 1)],
        ["f32 ÷ numpy at 100k ≥ 0.85", fixed(f32At100k, 2), verdict(f32At100k >= 0.85)],
        ["int8 ÷ numpy f32 at 100k ≥ 3.0, recall@5 ≥ 0.99", `${fixed(int8At100k, 2)}, recall@5 ${fixed(recall, 3)}`, verdict(int8At100k >= 3 && recall >= 0.99)],
        ["ours ≥ 10× Orama at every N", `f32: ${overOrama("f32").map(times).join(", ")}; int8: ${overOrama("int8").map(times).join(", ")}`, verdict(oramaMet)],
      ]);
    },
    f32Millions100k: (r) => `${millions(r.vectorsPerSecond["100000"].ours_f32)} M`,
    f32GBps100k: (r) => gbPerSecond(r.vectorsPerSecond["100000"].ours_f32),
    numpyOneThreadGBps100k: (r) => gbPerSecond(r.singleThreadPeers["100000"].numpy),
    f32Ms100k: (r) => msFor100k(r.vectorsPerSecond["100000"].ours_f32),
    int8Ms100k: (r) => msFor100k(r.vectorsPerSecond["100000"].ours_int8),
    recall5Int8: (r) => fixed(r.recall5Int8, 3),
  },
});
