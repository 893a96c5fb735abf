/**
 * The Worker bundle as `wrangler deploy --dry-run` builds it: every module it
 * uploads, raw and gzip-9 (each module alone), the part of it an isolate
 * loads when it starts (all but what index.js imports with import()), how many bytes of the
 * minified script each package (or our own src/) contributes, from esbuild's
 * metafile; and the widget's size as the Worker serves it. `npm run bench`
 * writes it with the other results; `npm run bench:bundle` measures only
 * this, into bench/results/bundle.json.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { isMain } from "../scripts/lib/is-main";
import { wranglerBin } from "../scripts/lib/wrangler-bin";
import { writeResults } from "./lib/results-file";

/** Shipped as text, comments and all (wrangler.toml's Text rule): test/node/widget-size.test.ts holds its gzip size to a budget. */
const WIDGET = "src/widget/faq-search.widget.js";

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** Bytes in the output per package (node_modules/<name> or <@scope/name>), our code as "src", largest first. */
function byPackage(meta: Metafile, kib: (bytes: number) => number): Record<string, number> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const owner = match ? match[1]! : input.includes("src/") ? "src" : "other";
      sizes.set(owner, (sizes.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return Object.fromEntries([...sizes].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kib(bytes)]));
}

export async function benchBundle() {
  const outDir = await mkdtemp(join(tmpdir(), "faq-bundle-"));
  try {
    execFileSync(process.execPath, [wranglerBin(), "deploy", "--dry-run", "--outdir", outDir, "--metafile", join(outDir, "meta.json")], {
      stdio: "ignore",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    // Everything wrangler uploads: the script, and the modules it copies beside it (the WebAssembly,
    // the widget, the demo page and the dashboard as text); not the source map, its README or the metafile.
    const names = (await readdir(outDir)).filter((name) => !/\.(map|md)$|^meta\.json$/.test(name));
    const script = (await readFile(join(outDir, "index.js"))).toString("utf8");
    // what an isolate loads when it starts: the script and the modules it imports statically;
    // the rest (the dashboard and uPlot) is imported with import() on the first request for /admin
    const atStart = new Set(["index.js", ...[...script.matchAll(/import\s*[\w$]+\s*from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!)]);
    const sizes = await Promise.all(names.map(async (name) => {
      const bytes = await readFile(join(outDir, name));
      return { atStart: atStart.has(name), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }));
    const sum = (list: typeof sizes, key: "raw" | "gzip") => list.reduce((total, size) => total + size[key], 0);
    const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    const started = sizes.filter((size) => size.atStart);
    const widget = await readFile(WIDGET);
    return {
      rawKiB: kib(sum(sizes, "raw")),
      gzipKiB: kib(sum(sizes, "gzip")),
      atStartRawKiB: kib(sum(started, "raw")),
      atStartGzipKiB: kib(sum(started, "gzip")),
      byPackageKiB: byPackage(JSON.parse(await readFile(join(outDir, "meta.json"), "utf8")), kib),
      widgetBytes: widget.length,
      widgetGzipBytes: gzipSync(widget, { level: 9 }).length,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const results = { measuredAt: new Date().toISOString(), ...(await benchBundle()) };
  await writeResults("bundle", results);
  console.log(JSON.stringify(results));
}
