import { execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { RunningWorker } from "../../scripts/lib/wrangler-dev";

/**
 * Resident memory of a `wrangler dev`'s workerd process (in wrangler's
 * process group), in MiB, or null where it cannot be read. The process holds
 * the Worker's isolate and miniflare's own services (KV among them); nothing
 * limits it locally.
 */
export async function workerdRssMiB(worker: RunningWorker): Promise<number | null> {
  try {
    const pids = execSync(`pgrep -g ${worker.child.pid} workerd`).toString().trim().split("\n").filter(Boolean);
    let kib = 0;
    for (const pid of pids) kib += Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return Math.round(kib / 1024);
  } catch {
    return null;
  }
}
