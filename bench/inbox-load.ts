/**
 * `npm run bench:inbox-load`: the unanswered-question inbox under steady
 * load, against wrangler dev and miniflare's D1 (real SQLite). Questions are
 * embedded by a stand-in endpoint (a hash per text, test/stand-ins/stub-embedder.ts):
 * what is measured is the inbox, not a model, which on two cores could not
 * embed 400 distinct questions a second.
 *  1. 4 clients x 10, then 4 x 25 distinct unanswered questions a second for
 *     LOAD_SECONDS each: every asking must be counted in D1 (the counts add
 *     up to the askings answered 200), and p50 is compared with the same load
 *     against a Worker with LOG_QUESTIONS=off (alternating turns).
 *  2. 4 x 100 a second: what is not stored must be counted in /health, the
 *     Worker's memory stays bounded, and writing resumes when the load drops.
 * Writes bench/results/inbox-load.json; the last stdout line is its JSON.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyLocalMigrations } from "../scripts/lib/apply-local-migrations";
import { freePort } from "../scripts/lib/free-port";
import { runNode } from "../scripts/lib/run-node";
import { startWranglerDev, type RunningWorker } from "../scripts/lib/wrangler-dev";
import { wranglerD1 } from "../scripts/inbox/wrangler-d1";
import { startStubEmbedder } from "../test/stand-ins/stub-embedder";
import { workerdRssMiB } from "./lib/workerd-rss";
import { writeResults } from "./lib/results-file";

const log = (line: string) => console.error(line);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = 4;
const MODEL = "bench/stub-model";
const DIM = 16;

interface Turn {
  sent: number;
  ok: number;
  answered: number;
  failed: number;
  /** Not sent: the client already had MAX_IN_FLIGHT questions waiting (the Worker never saw these). */
  shed: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * How many questions one client keeps waiting at most. Beyond it a load
 * generator would run out of sockets (each waits up to 30 s), and so did
 * workerd: at 4 x 100 a second with the embedding timing out, it exceeded
 * its 20,000 open files and stopped accepting connections.
 */
const MAX_IN_FLIGHT = 1000;

/** CLIENTS clients, each sending `perSecond` distinct questions a second for `seconds`, without waiting for answers. */
async function paced(worker: RunningWorker, perSecond: number, seconds: number, tag: string): Promise<Turn> {
  const latencies: number[] = [];
  let ok = 0;
  let answered = 0;
  let failed = 0;
  let shed = 0;
  const waiting = new Array<number>(CLIENTS).fill(0);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const perClient = perSecond * seconds;
  for (let i = 0; i < perClient; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    for (let client = 0; client < CLIENTS; client++) {
      const q = `${tag} zebra question ${client} number ${i} about nothing here`;
      const t0 = performance.now();
      if (waiting[client]! >= MAX_IN_FLIGHT) {
        shed++;
        continue;
      }
      waiting[client]!++;
      inFlight.push(fetch(`${worker.url}/faq?k=1&q=${encodeURIComponent(q)}`, { signal: AbortSignal.timeout(30_000) }).then(async (response) => {
        const body = (await response.json()) as { answered?: boolean };
        latencies.push(performance.now() - t0);
        if (response.status === 200) ok++;
        else failed++;
        if (body.answered) answered++;
      }).catch(() => {
        // no answer, or its body not read within the timeout (a flood's late answer): the client gave up
        failed++;
      }).finally(() => {
        waiting[client]!--;
      }));
    }
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN) * 10) / 10;
  return { sent: perClient * CLIENTS - shed, ok, answered, failed, shed, p50Ms: at(0.5), p99Ms: at(0.99) };
}

async function storedAskings(persistTo: string, tag: string): Promise<{ rows: number; askings: number }> {
  // The Worker may still be writing the same SQLite file after a flood: a read that finds it locked tries again
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await wranglerD1({ target: "local", configPath: "wrangler.toml", persistTo })
        .prepare("SELECT COUNT(*) AS rows, COALESCE(SUM(count), 0) AS askings FROM unanswered_questions WHERE text LIKE ?1").bind(`${tag} %`).all<{ rows: number; askings: number }>();
      return result.results[0]!;
    } catch (error) {
      if (attempt === 5 || !/SQLITE_BUSY|database is locked/.test((error as Error).message)) throw error;
      log(`D1 was locked while counting ${tag} (attempt ${attempt}); trying again`);
      await settle(3000);
    }
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(worker: RunningWorker): Promise<Record<string, number | boolean>> {
  // a flood can leave the client's connections broken for a moment: a few tries before calling the Worker down
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return ((await (await fetch(`${worker.url}/health`, { signal: AbortSignal.timeout(30_000) })).json()) as { inbox: Record<string, number | boolean> }).inbox;
    } catch (error) {
      last = error;
      await settle(2000);
    }
  }
  const error = last as Error & { cause?: Error };
  throw new Error(`/health did not answer (${error.message}${error.cause ? `: ${error.cause.message}` : ""}); wrangler ${worker.child.exitCode === null ? "still runs" : `exited with ${worker.child.exitCode}`}; the Worker's last output:\n${worker.logs().slice(-3000)}`);
}

const persistTo = await mkdtemp(join(tmpdir(), "faq-inbox-load-"));
const stub = await startStubEmbedder(DIM);
const workers: RunningWorker[] = [];
try {
  await applyLocalMigrations(persistTo);
  const env = { HF_ENDPOINT_URL: stub.url, EMBED_MODEL: MODEL, EMBED_DIM: String(DIM) };
  const seeded = await runNode(["scripts/seed.ts", "--embedder", "hf", "--kv", "local", "--persist-to", persistTo, "--out", join(persistTo, "build"), "--no-cache", "--calibration-file", join(persistTo, "calibration.json")], env);
  if (seeded.code !== 0) throw new Error(seeded.stderr);
  const vars = { ...env, EMBED_TIMEOUT_MS: "10000", RATE_LIMIT: "off" };
  // wrangler rebuilds once its watcher is ready (see STARTUP_NOISE in wrangler-dev.ts), and on a
  // busy machine the restarted workerd has been seen to find its own port still taken and exit: try again
  const start = async (extra: Record<string, string>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const worker = await startWranglerDev({ port: await freePort(), persistTo, output: "capture", vars: { ...vars, ...extra } });
        workers.push(worker);
        return worker;
      } catch (error) {
        if (attempt === 3) throw error;
        log(`wrangler dev did not start (attempt ${attempt}): ${(error as Error).message.split("\n")[0]}`);
      }
    }
  };
  const on = await start({ LOG_QUESTIONS: "on" });
  const off = await start({ LOG_QUESTIONS: "off" });
  await fetch(`${on.url}/faq?q=warm`);
  await fetch(`${off.url}/faq?q=warm`);

  const steady: Record<string, unknown> = {};
  for (const rate of [10, 25]) {
    const turns = { on: [] as Turn[], off: [] as Turn[] };
    // logging on for the whole period (what must be stored), and off in a turn of the same length after it
    const tag = `r${rate}`;
    turns.on.push(await paced(on, rate, LOAD_SECONDS, tag));
    turns.off.push(await paced(off, rate, LOAD_SECONDS, `${tag}off`));
    await settle(5000);
    const stored = await storedAskings(persistTo, tag);
    const askedOk = turns.on[0]!.ok;
    const result = {
      perSecond: rate * CLIENTS,
      on: turns.on[0],
      off: turns.off[0],
      stored,
      // a question whose asker gave up (30 s) may still have been answered and stored: stored is between answered and sent
      lost: Math.max(0, askedOk - stored.askings),
      p50OnOverOff: Math.round((turns.on[0]!.p50Ms / turns.off[0]!.p50Ms) * 100) / 100,
      health: await health(on),
    };
    steady[`${rate * CLIENTS}PerSecond`] = result;
    log(`${rate * CLIENTS}/s for ${LOAD_SECONDS}s: ${turns.on[0]!.sent} sent, ${askedOk} answered 200 (${turns.on[0]!.answered} of them answered: true; ${turns.on[0]!.failed} given up by the client), ${stored.askings} askings stored in ${stored.rows} rows, lost ${result.lost}; p50 on ${turns.on[0]!.p50Ms} ms, off ${turns.off[0]!.p50Ms} ms (ratio ${result.p50OnOverOff}); /health inbox ${JSON.stringify(result.health)}`);
  }

  // The flood goes to a Worker of its own with the embedding's default timeout (3 s, not the 10 s
  // that keeps the steady turns from falling back to words): the stand-in embedder shares the two
  // cores with the load, falls behind at 400 a second, and every question then waits the timeout out.
  await off.stop();
  const flooded = await start({ LOG_QUESTIONS: "on", EMBED_TIMEOUT_MS: "3000" });
  await fetch(`${flooded.url}/faq?q=warm`);
  const before = await workerdRssMiB(flooded);
  const flood = await paced(flooded, 100, LOAD_SECONDS, "flood");
  const during = await workerdRssMiB(flooded);
  await settle(5000);
  const afterFlood = await health(flooded);
  const floodStored = await storedAskings(persistTo, "flood");
  // the load drops: a few questions, one a second
  const recovery = await paced(flooded, 1, 5, "after");
  await settle(5000);
  const recovered = await storedAskings(persistTo, "after");
  const overload = {
    perSecond: 100 * CLIENTS,
    flood,
    stored: floodStored,
    notStored: Math.max(0, flood.ok - floodStored.askings),
    health: afterFlood,
    workerdRssMiB: { before, during, after: await workerdRssMiB(flooded) },
    afterwards: { asked: recovery.ok, stored: recovered.askings },
  };
  log(`${100 * CLIENTS}/s for ${LOAD_SECONDS}s: ${flood.ok} answered 200, ${floodStored.askings} askings stored, ${overload.notStored} not; /health inbox ${JSON.stringify(afterFlood)}; workerd RSS ${before} -> ${during} -> ${overload.workerdRssMiB.after} MiB; afterwards ${recovered.askings} of ${recovery.ok} stored`);
  const result = { measuredAt: new Date().toISOString(), loadSeconds: LOAD_SECONDS, steady, overload };
  await writeResults("inbox-load", result);
  console.log(JSON.stringify(result));
} finally {
  for (const worker of workers) await worker.stop();
  await stub.close();
  await rm(persistTo, { recursive: true, force: true });
}
process.exit(0);
