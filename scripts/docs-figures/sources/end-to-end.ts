import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface ColdStart {
  faqs: number;
  blobMiB: number;
  firstRequestMs: number;
  embedMs: number;
  indexLoadMs: number;
  firstRequestExcludingEmbedMs: number;
  floor: { bareFirstRequestMs: number; kvReadFirstRequestMs: number; floorMs: number };
  beyondFloorMs: number;
}
interface LoadRun { rps: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number }
interface EndToEndResults {
  measuredAt: string;
  coldStart: ColdStart & { tinyIndex: ColdStart };
  load: {
    cacheHit: LoadRun;
    cacheMiss: LoadRun;
    baseline: LoadRun;
    cacheHitOverBaseline: number;
    cacheHitOverBaselinePerTurn: { ratios: number[]; median: number };
    handlerCost: Array<{ path: string; oursUs: number; bareUs: number }>;
    inboxLogging: { on: LoadRun; off: LoadRun; loggedCount: number; p50OnOverOff: number; rpsOnOverOff: number };
  };
}

/** The cold-start target: a first request, the embedding aside. */
const COLD_TARGET_MS = 8;
/** A repeated question, against a bare Worker returning the same body. */
const CACHE_HIT_TARGET = 0.9;
/** Logging questions may slow answers by at most this factor. */
const LOGGING_TARGET = 1.1;

const ms = (value: unknown) => `${grouped(value)} ms`;
const verdict = (met: boolean) => (met ? "met" : "**missed**");
const run = (r: LoadRun) => `${grouped(r.rps)} req/s, p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}`;

/** bench/end-to-end.ts: the Worker under wrangler dev with the local model, cold and under load. */
export const endToEndFigures = figureSource<EndToEndResults>({
  file: "bench/results/end-to-end.json",
  command: "npm run bench:e2e",
  figures: {
    ...whenMeasured,
    coldTable: ({ coldStart: cold }) => {
      const tiny = cold.tinyIndex;
      return table(["measure", "value"], [
        [`first request on a fresh isolate, ${grouped(cold.faqs)} FAQs (${fixed(cold.blobMiB, 1)} MiB blob), medians of 3 runs`,
          `${ms(cold.firstRequestMs)}: the embedding ${ms(cold.embedMs)} and loading the index ${ms(cold.indexLoadMs)}, side by side (Server-Timing \`embed\` and \`index\`). Without the embedding: **${ms(cold.firstRequestExcludingEmbedMs)}** (target ${COLD_TARGET_MS} ms: ${verdict(num(cold.firstRequestExcludingEmbedMs) <= COLD_TARGET_MS)})`],
        ["the floors under it, each a fresh workerd process measured the same way, in turns with ours",
          `a bare Hono Worker's first request **${ms(cold.floor.bareFirstRequestMs)}**; a bare Worker's first request that reads the same chunks from the same KV and does nothing with them **${ms(Math.round(num(cold.floor.kvReadFirstRequestMs)))}**. Ours beyond the longer of that read and the bare request plus the embedding: **${ms(Math.round(num(cold.beyondFloorMs)))}**`],
        [`the same against a ${grouped(tiny.faqs)}-FAQ index`,
          `${ms(Math.round(num(tiny.firstRequestMs)))}: the embedding ${ms(tiny.embedMs)}, the index ${ms(tiny.indexLoadMs)}, side by side; ${ms(Math.round(num(tiny.firstRequestExcludingEmbedMs)))} without the embedding, against a bare first request of ${ms(tiny.floor.bareFirstRequestMs)}; ours beyond the floor ${ms(Math.round(num(tiny.beyondFloorMs)))}`],
      ]);
    },
    loadTable: ({ load }) => {
      const turns = load.cacheHitOverBaselinePerTurn;
      const [hit, lexical, unanswered] = load.handlerCost;
      const logging = load.inboxLogging;
      return table(["measure", "value"], [
        ["a repeated question the demo FAQ answers, and a bare Hono Worker returning the same answer as a fixed body; autocannon, 10 connections, 5 alternating turns",
          `repeated question ${run(load.cacheHit)}; the baseline ${run(load.baseline)}; ${grouped(num(load.cacheHit.errors) + num(load.baseline.errors))} errors. **${fixed(load.cacheHitOverBaseline, 2)}** of the baseline as a ratio of medians, **${fixed(turns.median, 2)}** as the median of the turn-by-turn ratios (${turns.ratios.map((x) => fixed(x, 2)).join(", ")}) (target ${CACHE_HIT_TARGET}: ${verdict(num(load.cacheHitOverBaseline) >= CACHE_HIT_TARGET)} as a ratio of medians, ${verdict(num(turns.median) >= CACHE_HIT_TARGET)} turn by turn)`],
        ["the same inside one workerd isolate, without wrangler's proxy or autocannon (`bench/handler-worker`), median of 7 rounds of 1,000",
          `the repeated question ${grouped(hit!.oursUs)} µs against ${grouped(hit!.bareUs)} µs for the bare app; the same in lexical mode ${grouped(lexical!.oursUs)} against ${grouped(lexical!.bareUs)}; a repeated unanswered question ${grouped(unanswered!.oursUs)} µs`],
        ["one unanswered question repeated, logging on against off, 5 alternating turns, medians",
          `on: ${grouped(logging.on.rps)} req/s, p50 ${ms(logging.on.p50Ms)}; off: ${grouped(logging.off.rps)} req/s, p50 ${ms(logging.off.p50Ms)}; p50 ratio ${fixed(logging.p50OnOverOff, 2)} and requests/s ratio ${fixed(logging.rpsOnOverOff, 2)} (target: within ${LOGGING_TARGET}: ${verdict(num(logging.p50OnOverOff) <= LOGGING_TARGET)}); all ${grouped(logging.loggedCount)} askings counted in D1`],
        ["a new question every request (cache miss, local model)",
          `${run(load.cacheMiss)}, ${grouped(num(load.cacheMiss.errors) + num(load.cacheMiss.non2xx))} errors`],
      ]);
    },
    coldEmbedMs: (r) => ms(r.coldStart.embedMs),
    coldIndexMs: (r) => ms(r.coldStart.indexLoadMs),
    coldFirstRequestMs: (r) => ms(r.coldStart.firstRequestMs),
    kvReadFloorMs: (r) => ms(Math.round(num(r.coldStart.floor.kvReadFirstRequestMs))),
    bareFirstRequestMs: (r) => ms(r.coldStart.floor.bareFirstRequestMs),
    beyondFloorMs: (r) => ms(Math.round(num(r.coldStart.beyondFloorMs))),
    handlerExtraUs: (r) => `${grouped(num(r.load.handlerCost[0]!.oursUs) - num(r.load.handlerCost[0]!.bareUs))} µs`,
    loggingP50On: (r) => ms(r.load.inboxLogging.on.p50Ms),
    loggingP50Off: (r) => ms(r.load.inboxLogging.off.p50Ms),
    loggingRpsOn: (r) => `${grouped(r.load.inboxLogging.on.rps)} req/s`,
    loggingRpsOff: (r) => `${grouped(r.load.inboxLogging.off.rps)} req/s`,
    loggingP50Ratio: (r) => fixed(r.load.inboxLogging.p50OnOverOff, 2),
    loggedCount: (r) => grouped(r.load.inboxLogging.loggedCount),
  },
});
