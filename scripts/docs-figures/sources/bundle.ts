import { figureSource } from "../figure-source";
import { fixed, grouped, num, whenMeasured } from "../format";

interface BundleResults {
  measuredAt: string;
  rawKiB: number;
  gzipKiB: number;
  atStartRawKiB: number;
  atStartGzipKiB: number;
  byPackageKiB: Record<string, number>;
  widgetBytes: number;
  widgetGzipBytes: number;
}

/** The gzipped size of what an isolate loads at start that the Worker was to stay under. */
const GZIP_TARGET_KIB = 130;

/** Packages named one by one in the docs; the rest are summed. */
const NAMED_PACKAGES = 5;

/** bench/bundle.ts: the Worker bundle and the widget. */
export const bundleFigures = figureSource<BundleResults>({
  file: "bench/results/bundle.json",
  command: "npm run bench:bundle",
  figures: {
    ...whenMeasured,
    rawKiB: (r) => `${fixed(r.rawKiB, 1)} KiB`,
    gzipKiB: (r) => `${fixed(r.gzipKiB, 1)} KiB`,
    atStartRawKiB: (r) => `${fixed(r.atStartRawKiB, 1)} KiB`,
    atStartGzipKiB: (r) => `${fixed(r.atStartGzipKiB, 1)} KiB`,
    onDemandGzipKiB: (r) => `${fixed(r.gzipKiB - r.atStartGzipKiB, 1)} KiB`,
    gzipTarget: (r) => `target ${GZIP_TARGET_KIB} KiB: ${num(r.atStartGzipKiB) <= GZIP_TARGET_KIB ? "met" : "**missed**"}`,
    // "our src 60.1 KiB, @huggingface/inference 86.8, ...": the largest first
    byPackage: (r) => {
      const entries = Object.entries(r.byPackageKiB).sort((a, b) => b[1] - a[1]);
      const named = entries.slice(0, NAMED_PACKAGES).map(([name, kib], i) => `${name === "src" ? "our src/" : name} ${fixed(kib, 1)}${i === 0 ? " KiB" : ""}`);
      const rest = entries.slice(NAMED_PACKAGES).reduce((sum, [, kib]) => sum + kib, 0);
      return rest > 0 ? `${named.join(", ")}, the other ${entries.length - NAMED_PACKAGES} together ${fixed(rest, 1)}` : named.join(", ");
    },
    widgetGzipBytes: (r) => `${grouped(r.widgetGzipBytes)} bytes`,
    widgetBytes: (r) => `${grouped(r.widgetBytes)} bytes`,
  },
});
