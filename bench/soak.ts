/**
 * `npm run bench:soak`: autocannon at 64 connections for 60 s (SOAK_SECONDS)
 * against `wrangler dev` with the local model and the Medicare demo. One
 * request in ten asks a new question (an embedding call), the rest repeat.
 * Reports status counts and the workerd processes' resident memory before and
 * after. Writes bench/results/soak.json; the last stdout line is its JSON.
 */
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { runNode } from "../scripts/lib/run-node";
import { withLocalStack } from "./lib/stack";
import { writeResults } from "./lib/results-file";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const EXPECTED = new Set([200]);

/** Resident memory (MiB) of every workerd process in the given process group. */
function workerdRssMiB(processGroup: number): number {
  let kib = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== processGroup || !stat.includes("(workerd)")) continue;
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return Math.round((kib / 1024) * 10) / 10;
}

const result = await withLocalStack(async ({ persistTo, startWorker }) => {
  const seeded = await runNode(["scripts/seed.ts", "--kv", "local", "--persist-to", persistTo, "--out", `${persistTo}/build`]);
  if (seeded.code !== 0) throw new Error(seeded.stderr);
  const worker = await startWorker();
  try {
    for (let i = 0; i < 20; i++) await fetch(`${worker.url}/faq?q=warm%20up%20${i}`);
    const group = worker.child.pid!;
    const before = workerdRssMiB(group);
    let n = 0;
    const statuses: Record<string, number> = {};
    // Called without a callback, autocannon returns a promise that is also an event emitter.
    const instance = autocannon({
      url: worker.url,
      connections: 64,
      duration: SECONDS,
      requests: [{
        method: "GET",
        setupRequest: (request: autocannon.Request) => {
          n++;
          const q = n % 10 === 0 ? `How can Medicare help me with question ${n}?` : "How can Medicare help me?";
          return { ...request, path: `/faq?q=${encodeURIComponent(q)}` };
        },
      }],
    }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
    instance.on("response", (_client: unknown, statusCode: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    const run = await instance;
    const after = workerdRssMiB(group);
    const unexpected = Object.entries(statuses).filter(([code]) => !EXPECTED.has(Number(code))).reduce((sum, [, count]) => sum + count, 0);
    return {
      seconds: SECONDS, connections: 64, requests: run.requests.total, rps: Math.round(run.requests.average),
      p50Ms: run.latency.p50, p99Ms: run.latency.p99, statuses, unexpected, errors: run.errors, timeouts: run.timeouts,
      workerdRssMiB: { before, after },
    };
  } finally {
    await worker.stop();
  }
});

console.error(`soak: ${JSON.stringify(result)}`);
await writeResults("soak", { measuredAt: new Date().toISOString(), ...result });
console.log(JSON.stringify(result));
process.exit(0);
