import { figureSource } from "../figure-source";
import { fixed, grouped, num, percent, table, whenMeasured } from "../format";

interface CollectionsResults {
  measuredAt: string;
  data: { collections: number; faqsEach: number; vectorBytesEach: number; blobBytes: { min: number; max: number }; blobMiBMedian: number; heldMiBEach: number; allMiB: number };
  coldSwitch: {
    turns: number;
    clientMs: { loaded: number; cold: number; kvFloor: number };
    serverMs: { coldIndex: number; kvFloorRead: number };
    coldMinusLoadedMs: number;
    coldMinusKvFloorMs: number;
    coldIndexMinusKvReadMs: number;
    workerdRss: { faqEdgeMiB: number; kvFloorMiB: number; blobsRead: number };
  };
  traffic: {
    clients: number;
    rps: number;
    p50Ms: number;
    p99Ms: number;
    non200: number;
    failed: number;
    foundLoadedShare: number;
    foundLoaded: { requests: number; p50Ms: number };
    notLoaded: { requests: number; p50Ms: number };
    indexStepMs: Record<"0" | "1-4" | "5-19" | "20-49" | "50+", number>;
    byRanks: Array<{ ranks: string; foundLoadedShare: number }>;
    idealLoadedShare: number;
  };
  indexMemory: { budgetBytes: number; peakMiB: number; collectionsLoaded: { min: number; max: number }; workerdRssMiB: { atStart: number; max: number } };
}

const MIB = 2 ** 20;
/** A version is stored and fetched in chunks of at most this size (src/index-store/keys.ts). */
const CHUNK_MIB = 10;

/** Collections an isolate holds at once: the budget, less one chunk in flight, over what one loaded index holds. */
function collectionsThatFit(r: CollectionsResults, faqs: number) {
  const held = (num(r.data.heldMiBEach) / num(r.data.faqsEach)) * faqs;
  const chunk = Math.min(CHUNK_MIB, (num(r.data.blobMiBMedian) / num(r.data.faqsEach)) * faqs);
  return { held, fit: Math.floor((num(r.indexMemory.budgetBytes) / MIB - chunk) / held) };
}
const ms = (value: unknown, digits = 1) => `${fixed(value, digits)} ms`;
const loadedRange = (r: CollectionsResults) => `${grouped(r.indexMemory.collectionsLoaded.min)}–${grouped(r.indexMemory.collectionsLoaded.max)}`;

/** bench/collections.ts: many collections sharing one isolate's index memory. */
export const collectionFigures = figureSource<CollectionsResults>({
  file: "bench/results/collections.json",
  command: "npm run bench:collections",
  figures: {
    ...whenMeasured,
    blobMiB: (r) => `${fixed(r.data.blobMiBMedian, 2)} MiB`,
    blobRangeMiB: (r) => `${fixed(num(r.data.blobBytes.min) / MIB, 2)} to ${fixed(num(r.data.blobBytes.max) / MIB, 2)} MiB`,
    vectorMiB: (r) => `${fixed(num(r.data.vectorBytesEach) / MIB, 2)} MiB`,
    heldMiB: (r) => `${fixed(r.data.heldMiBEach, 2)} MiB`,
    allMiB: (r) => `${fixed(r.data.allMiB, 0)} MiB`,
    collectionsLoaded: loadedRange,
    // a loaded index is leased with no I/O; a load reads KV: the gap between the two kinds of index step
    loadedSteps: (r) => grouped(num(r.traffic.indexStepMs["0"]) + num(r.traffic.indexStepMs["1-4"])),
    middleSteps: (r) => grouped(r.traffic.indexStepMs["5-19"]),
    loadSteps: (r) => grouped(num(r.traffic.indexStepMs["20-49"]) + num(r.traffic.indexStepMs["50+"])),
    table: (r) => {
      const { traffic, coldSwitch: cold, indexMemory } = r;
      return table(["measure", "value"], [
        ["collections loaded at once", loadedRange(r)],
        ["index memory peak", `${fixed(indexMemory.peakMiB, 2)} MiB of ${fixed(num(indexMemory.budgetBytes) / MIB, 0)} MiB`],
        [`requests/s, ${grouped(traffic.clients)} clients`, fixed(traffic.rps, 1)],
        ["p50 / p99 latency", `${fixed(traffic.p50Ms, 1)} / ${fixed(traffic.p99Ms, 0)} ms`],
        ["requests that found their index loaded", `**${percent(traffic.foundLoadedShare, 1)}**`],
        [`the same, for a cache that always held the most-asked ${loadedRange(r)} collections`, percent(traffic.idealLoadedShare, 1)],
        [`found loaded, ranks ${traffic.byRanks.map((b) => b.ranks.replace("-", "–")).join(" / ")}`, traffic.byRanks.map((b) => percent(b.foundLoadedShare, 1)).join(" / ")],
        ["p50, found loaded / not loaded", `${fixed(traffic.foundLoaded.p50Ms, 0)} / ${fixed(traffic.notLoaded.p50Ms, 0)} ms`],
        ["requests that failed or answered other than 200", grouped(num(traffic.failed) + num(traffic.non200))],
        ["cold switch: the first request to an unloaded collection", ms(cold.clientMs.cold)],
        ["…to a loaded one", ms(cold.clientMs.loaded)],
        ["…to a bare Worker reading the same chunks", ms(cold.clientMs.kvFloor)],
        [`cold minus loaded (median of the ${grouped(cold.turns)} per-turn differences)`, `**+${ms(cold.coldMinusLoadedMs)}**`],
        ["cold minus bare read (the same)", `+${ms(cold.coldMinusKvFloorMs)}`],
        ["inside the Workers: index step / bare KV read", `${fixed(cold.serverMs.coldIndex, 0)} / ${ms(cold.serverMs.kvFloorRead, 0)}`],
        ["index step beyond the KV read (median of per-turn differences)", `**${ms(cold.coldIndexMinusKvReadMs, 0)}**`],
      ]);
    },
    perFaqKiB: (r) => `${fixed((num(r.data.heldMiBEach) * 1024) / num(r.data.faqsEach), 1)} KiB`,
    faqsPerIsolate: (r) => grouped(collectionsThatFit(r, num(r.data.faqsEach)).fit * num(r.data.faqsEach)),
    // measured for the bench's collection size; the others follow from the same bytes per FAQ
    sizing: (r) => table(["FAQs per collection", "held each", "collections at once"], [500, num(r.data.faqsEach), 10_000].map((faqs) => {
      const { held, fit } = collectionsThatFit(r, faqs);
      const measured = faqs === num(r.data.faqsEach);
      return [`${grouped(faqs)}${measured ? " (measured)" : ""}`, `${measured ? "" : "~"}${fixed(held, 2)} MiB`, `${measured ? "" : "~"}${grouped(fit)}`];
    })),
    rssAtStart: (r) => `${grouped(r.indexMemory.workerdRssMiB.atStart)} MiB`,
    rssMax: (r) => `${grouped(r.indexMemory.workerdRssMiB.max)} MiB`,
    blobsRead: (r) => grouped(r.coldSwitch.workerdRss.blobsRead),
    rssAfterLoads: (r) => `${grouped(r.coldSwitch.workerdRss.faqEdgeMiB)} MiB`,
    rssBareAfterLoads: (r) => `${grouped(r.coldSwitch.workerdRss.kvFloorMiB)} MiB`,
    topTenLoaded: (r) => percent(r.traffic.byRanks[0]!.foundLoadedShare, 0),
    loadedVsIdeal: (r) => `${fixed((num(r.traffic.idealLoadedShare) - num(r.traffic.foundLoadedShare)) * 100, 1)} points`,
  },
});
