/**
 * `npm run bench:collections`: many FAQ collections served by one Worker
 * (`wrangler dev`), their indexes sharing one isolate's memory budget
 * (INDEX_MEMORY_BUDGET, 100 MiB).
 *  - data: 50 collections of 2,000 generated FAQs each, 384-d vectors as
 *    all-MiniLM-L6-v2's (bench/lib/synthetic-collections.ts), published into
 *    local KV under their collection keys; more than the budget holds at once.
 *    Query embeddings come from a stand-in (a hash per text,
 *    test/stand-ins/stub-embedder.ts) named like the indexes' model, so the
 *    semantic path runs without the heavy local model.
 *  - cold switch: the first request to a collection the isolate has not
 *    loaded, beside a request to a loaded one and a bare Worker reading the
 *    same chunks from the same KV, in rotating turns (bench/lib/cold-switch.ts).
 *  - traffic: CLIENTS closed-loop clients for LOAD_SECONDS (default 30), the
 *    collection drawn by a Zipf law (s = 1.1) over the 50 ranks, the question
 *    from its own words, REPEAT_SHARE of them one of its popular questions:
 *    requests/s, p50, p99, the share that found their index loaded (from the
 *    Worker's Server-Timing, bench/lib/collection-traffic.ts), and /health's
 *    index memory, whose peak must stay within the budget (else this fails).
 * Writes bench/results/collections.json; the last stdout line is its JSON.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../scripts/lib/free-port";
import { startWranglerDev, type RunningWorker } from "../scripts/lib/wrangler-dev";
import { startStubEmbedder } from "../test/stand-ins/stub-embedder";
import { questionStream } from "./lib/collection-questions";
import { foundLoaded, indexMemory, indexStepHistogram, latency, LOADED_INDEX_MS, runTraffic } from "./lib/collection-traffic";
import { measureColdSwitch } from "./lib/cold-switch";
import { median } from "./lib/measure";
import { publishCollections } from "./lib/synthetic-collections";
import { workerdRssMiB } from "./lib/workerd-rss";
import { zipfProbabilities } from "./lib/zipf";
import { writeResults } from "./lib/results-file";

const log = (line: string) => console.error(line);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const COLLECTIONS = 50;
const FAQS_EACH = 2000;
const DIM = 384;
/** A stand-in's name: the indexes record it, and the Worker embeds queries under it. */
const MODEL = "bench/stub-minilm-384";
const ZIPF_S = 1.1;
const CLIENTS = 4;
const REPEAT_SHARE = 0.2;
const POPULAR_EACH = 10;
const COLD_TURNS = 15;
/** Traffic before the measured period, so that the budget is full when it starts. */
const WARMUP_SECONDS = 10;
/** Collections loaded before the cold turns: more than the budget holds, so every cold load evicts one. */
const FILL_RANKS = 30;
const MiB = 2 ** 20;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const persistTo = await mkdtemp(join(tmpdir(), "faq-collections-"));
const stub = await startStubEmbedder(DIM);
const workers: RunningWorker[] = [];
try {
  log(`publishing ${COLLECTIONS} collections of ${FAQS_EACH} FAQs (${DIM}-d) into local KV`);
  const collections = await publishCollections(persistTo, { collections: COLLECTIONS, faqsEach: FAQS_EACH, dim: DIM, model: MODEL }, log);
  const blobBytes = collections.map((c) => c.pointer.bytes);
  const heldEach = collections.map((c) => c.budgetBytes);
  const data = {
    collections: COLLECTIONS, faqsEach: FAQS_EACH, dim: DIM,
    vectorBytesEach: FAQS_EACH * DIM * 4,
    blobBytes: { min: Math.min(...blobBytes), median: median(blobBytes), max: Math.max(...blobBytes) },
    blobMiBMedian: round(median(blobBytes) / MiB, 2),
    // blob and kernel scratch, in whole WebAssembly pages: what a loaded index holds of the budget
    heldMiBEach: round(median(heldEach) / MiB, 2),
    allMiB: round(heldEach.reduce((a, b) => a + b, 0) / MiB),
  };
  log(`blobs: ${data.blobMiBMedian} MiB each (median; vectors ${round(data.vectorBytesEach / MiB, 2)} MiB), ${data.heldMiBEach} MiB held each once loaded, ${data.allMiB} MiB for all ${COLLECTIONS}`);

  const vars = {
    HF_ENDPOINT_URL: stub.url, EMBED_MODEL: MODEL, EMBED_DIM: String(DIM), EMBED_TIMEOUT_MS: "10000",
    RATE_LIMIT: "off", LOG_QUESTIONS: "off",
    // longer than the run: a loaded index never rereads its pointer, so index;dur=0 in Server-Timing means "found loaded"
    INDEX_RECHECK_SECONDS: "3600",
  };
  const start = async (configPath?: string) => {
    const worker = await startWranglerDev({ port: await freePort(), persistTo, configPath, output: "capture", vars: configPath ? {} : vars });
    workers.push(worker);
    return worker;
  };

  const coldWorker = await start();
  const floorWorker = await start("bench/kv-floor-worker/wrangler.toml");
  const coldSwitch = await measureColdSwitch(coldWorker, floorWorker, collections, COLD_TURNS, FILL_RANKS);
  const coldMemory = await indexMemory(coldWorker);
  // the bare Worker reads what the faq-edge one loaded (the fill too): their processes' memory side by side
  for (let rank = 0; rank < FILL_RANKS; rank++) await fetch(`${floorWorker.url}/read?collection=${collections[rank]!.name}`).then((r) => r.arrayBuffer());
  const coldRss = { faqEdgeMiB: await workerdRssMiB(coldWorker), kvFloorMiB: await workerdRssMiB(floorWorker), blobsRead: FILL_RANKS + COLD_TURNS };
  log(`cold switch, medians of ${COLD_TURNS} rotating turns with the budget full (${coldMemory.collectionsLoaded} collections loaded): first request to an unloaded collection ${coldSwitch.clientMs.cold} ms, to a loaded one ${coldSwitch.clientMs.loaded} ms, a bare Worker reading the same chunks ${coldSwitch.clientMs.kvFloor} ms; cold - loaded ${coldSwitch.coldMinusLoadedMs} ms, cold - floor ${coldSwitch.coldMinusKvFloorMs} ms (cold / floor ${coldSwitch.coldOverKvFloor}); in the Workers: index step ${coldSwitch.serverMs.coldIndex} ms against the bare read's ${coldSwitch.serverMs.kvFloorRead} ms (${coldSwitch.coldIndexMinusKvReadMs} ms beyond it)`);
  log(`workerd resident memory after ${coldRss.blobsRead} blobs each: faq-edge ${coldRss.faqEdgeMiB} MiB, the bare Worker that only reads them ${coldRss.kvFloorMiB} MiB`);
  await coldWorker.stop();
  await floorWorker.stop();

  const worker = await start();
  const rss: Array<number | null> = [await workerdRssMiB(worker)];
  let sampling = true;
  const rssSampler = (async () => {
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      rss.push(await workerdRssMiB(worker));
    }
  })();
  const streams = Array.from({ length: CLIENTS }, (_, client) => questionStream(collections, { s: ZIPF_S, seed: 300 + client, repeatShare: REPEAT_SHARE, popularEach: POPULAR_EACH }));
  // the same traffic first, unmeasured, until the budget is full: what is measured is the steady state, not the isolate's first loads
  const warmup = await runTraffic(worker, streams, WARMUP_SECONDS);
  const warm = await indexMemory(worker);
  log(`traffic: ${CLIENTS} clients, Zipf s=${ZIPF_S} over ${COLLECTIONS} collections; after ${WARMUP_SECONDS}s of warm-up (${warmup.samples.length} requests) ${warm.collectionsLoaded} collections loaded, ${round(warm.heldBytes / MiB)} MiB held; measuring ${LOAD_SECONDS}s`);
  const { samples, memory, elapsedMs } = await runTraffic(worker, streams, LOAD_SECONDS);
  const after = await indexMemory(worker);
  sampling = false;
  await rssSampler;
  const rssSeen = rss.filter((x): x is number => x !== null);
  const ok = samples.filter((s) => s.status === 200);
  const found = ok.filter(foundLoaded);
  const byRanks = (from: number, to: number) => {
    const inRange = ok.filter((s) => s.rank >= from && s.rank < to);
    return { ranks: `${from + 1}-${to}`, requestShare: round(inRange.length / ok.length, 3), foundLoadedShare: round(inRange.filter(foundLoaded).length / inRange.length, 3) };
  };
  const expectedTop = (n: number) => round(zipfProbabilities(COLLECTIONS, ZIPF_S).slice(0, n).reduce((a, b) => a + b, 0), 3);
  const traffic = {
    clients: CLIENTS, seconds: LOAD_SECONDS, warmupSeconds: WARMUP_SECONDS, warmupRequests: warmup.samples.length, zipfS: ZIPF_S, repeatShareAsked: REPEAT_SHARE,
    requests: samples.length,
    rps: round(samples.length / (elapsedMs / 1000)),
    // of the answers (200)
    p50Ms: latency(ok).p50Ms,
    p99Ms: latency(ok).p99Ms,
    non200: samples.filter((s) => s.status !== 200 && s.status !== 0).length,
    failed: samples.filter((s) => s.status === 0).length,
    repeatsSent: round(samples.filter((s) => s.repeat).length / samples.length, 3),
    foundLoadedShare: round(found.length / ok.length, 3),
    foundLoaded: latency(found),
    notLoaded: latency(ok.filter((s) => !foundLoaded(s))),
    // found loaded: an index step under LOADED_INDEX_MS (bench/lib/collection-traffic.ts)
    loadedBelowMs: LOADED_INDEX_MS,
    indexStepMs: indexStepHistogram(ok),
    collectionsAsked: new Set(samples.map((s) => s.rank)).size,
    byRanks: [byRanks(0, 10), byRanks(10, 25), byRanks(25, COLLECTIONS)],
    zipfShareOfTop: { 10: expectedTop(10), 25: expectedTop(25) },
    // the peer: a cache that always held the most asked collections, as many as this one held at the end
    idealLoadedShare: expectedTop(after.collectionsLoaded),
  };
  const indexMemoryResult = {
    budgetBytes: after.budgetBytes,
    peakBytes: after.peakBytes,
    peakMiB: round(after.peakBytes / MiB, 2),
    peakOverBudget: round(after.peakBytes / after.budgetBytes, 3),
    heldBytesMaxSampled: Math.max(...[...warmup.memory, ...memory].map((m) => m.heldBytes), after.heldBytes),
    // during the measured period
    collectionsLoaded: { min: Math.min(...memory.map((m) => m.collectionsLoaded)), max: Math.max(...memory.map((m) => m.collectionsLoaded), after.collectionsLoaded), atEnd: after.collectionsLoaded },
    healthSamples: warmup.memory.length + memory.length,
    // the whole workerd process, every 2 s: at start, the most, at the end
    workerdRssMiB: { atStart: rss[0], max: rssSeen.length ? Math.max(...rssSeen) : null, atEnd: rss[rss.length - 1] },
  };
  log(`traffic: ${traffic.requests} requests, ${traffic.rps} req/s, p50 ${traffic.p50Ms} ms, p99 ${traffic.p99Ms} ms, ${traffic.non200} non-200, ${traffic.failed} failed; found their index loaded: ${round(traffic.foundLoadedShare * 100)}% (a cache always holding the ${after.collectionsLoaded} most asked: ${round(traffic.idealLoadedShare * 100)}%; p50 ${traffic.foundLoaded.p50Ms} ms; the others p50 ${traffic.notLoaded.p50Ms} ms, p99 ${traffic.notLoaded.p99Ms} ms; index steps in ms ${JSON.stringify(traffic.indexStepMs)}); by rank ${traffic.byRanks.map((r) => `${r.ranks}: ${round(r.requestShare * 100)}% of requests, ${round(r.foundLoadedShare * 100)}% loaded`).join("; ")}`);
  log(`index memory: peak ${indexMemoryResult.peakMiB} MiB of ${round(after.budgetBytes / MiB)} MiB (${indexMemoryResult.peakOverBudget}), ${indexMemoryResult.collectionsLoaded.min}-${indexMemoryResult.collectionsLoaded.max} collections loaded; workerd resident memory ${indexMemoryResult.workerdRssMiB.atStart} MiB at start, at most ${indexMemoryResult.workerdRssMiB.max}, ${indexMemoryResult.workerdRssMiB.atEnd} at the end`);
  if (after.peakBytes > after.budgetBytes || indexMemoryResult.heldBytesMaxSampled > after.budgetBytes || coldMemory.peakBytes > coldMemory.budgetBytes) {
    throw new Error(`INDEX MEMORY OVER BUDGET: peak ${after.peakBytes} bytes (cold-switch Worker ${coldMemory.peakBytes}), most held when sampled ${indexMemoryResult.heldBytesMaxSampled}, budget ${after.budgetBytes}`);
  }
  if (traffic.failed + traffic.non200 > 0) log(`warning: ${traffic.failed + traffic.non200} requests did not answer 200; the Worker's last output:\n${worker.logs().slice(-2000)}`);

  const result = { measuredAt: new Date().toISOString(), data, coldSwitch: { ...coldSwitch, indexMemory: coldMemory, workerdRss: coldRss }, traffic, indexMemory: indexMemoryResult };
  await writeResults("collections", result);
  console.log(JSON.stringify(result));
} finally {
  for (const worker of workers) await worker.stop();
  await stub.close();
  await rm(persistTo, { recursive: true, force: true });
}
process.exit(0);
