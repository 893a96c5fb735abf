/** The Worker bundle as `wrangler deploy --dry-run` builds it: raw and gzip-9 size. */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { wranglerBin } from "../scripts/lib/wrangler-bin";

export async function benchBundle() {
  const outDir = await mkdtemp(join(tmpdir(), "faq-bundle-"));
  try {
    execFileSync(process.execPath, [wranglerBin(), "deploy", "--dry-run", "--outdir", outDir], {
      stdio: "ignore",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    const script = await readFile(join(outDir, "index.js"));
    const files = [script];
    // wrangler copies the .wasm module beside the script; it ships too.
    for (const name of await readdir(outDir)) {
      if (name.endsWith(".wasm")) files.push(await readFile(join(outDir, name)));
    }
    const raw = files.reduce((sum, f) => sum + f.length, 0);
    const gzip = files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0);
    return { rawKiB: Math.round((raw / 1024) * 10) / 10, gzipKiB: Math.round((gzip / 1024) * 10) / 10 };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
