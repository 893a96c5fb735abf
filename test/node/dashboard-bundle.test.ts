/**
 * The dashboard stays out of /faq's way: in the bundle wrangler deploys, its
 * page, styles, modules and uPlot are text modules that index.js imports only
 * with import(), on the first request for /admin, so no isolate loads them at
 * start. Prints what they weigh.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { runWrangler } from "../../scripts/lib/run-wrangler";

const DASHBOARD_FILES = ["dashboard.html", "dashboard.css", "main.dashboard.js", "api.dashboard.js", "dom.dashboard.js", "charts.dashboard.js", "groups.dashboard.js", "drafts.dashboard.js", "uPlot.iife.min.js", "uPlot.min.css"];
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

const outdir = await mkdtemp(join(tmpdir(), "faq-dashboard-bundle-"));
afterAll(() => rm(outdir, { recursive: true, force: true }));

describe("the Worker bundle", () => {
  it("imports the dashboard's files with import() only, never at the start of an isolate", async () => {
    await runWrangler(["deploy", "--dry-run", "--outdir", outdir], { captureStderr: true });
    const bundle = await readFile(join(outdir, "index.js"));
    const index = bundle.toString("utf8");
    const staticImports = [...index.matchAll(/import\s*[\w$]+\s*from\s*"\.\/[0-9a-f]{40}-([^"]+)"/g)].map((m) => m[1]).sort();
    expect(staticImports).toEqual(["demo.html", "faq-search.widget.js", "kernel.wasm", "xxh64.wasm"]);
    const dynamicImports = [...index.matchAll(/import\("\.\/[0-9a-f]{40}-([^"]+)"\)/g)].map((m) => m[1]).sort();
    expect(dynamicImports).toEqual([...DASHBOARD_FILES].sort());

    const files = await readdir(outdir);
    const sizes = await Promise.all(DASHBOARD_FILES.map(async (name) => {
      const bytes = await readFile(join(outdir, files.find((file) => file.endsWith(`-${name}`))!));
      return { name, bytes: bytes.length, gzip: gzipped(bytes) };
    }));
    console.log(`index.js: ${bundle.length} bytes, ${gzipped(bundle)} gzipped; the dashboard's text modules, each gzipped apart:`);
    for (const { name, bytes, gzip } of sizes) console.log(`  ${name}: ${bytes} bytes, ${gzip} gzipped`);
  }, 120_000);
});
