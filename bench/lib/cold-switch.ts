/**
 * What a request pays to switch to a collection this isolate has not loaded,
 * beside two peers measured in the same turns (in rotating order, so a
 * shared machine's drift falls on all three):
 *  - a request to a collection that is loaded, a new question each time;
 *  - a bare Worker (bench/kv-floor-worker) reading the same collection's
 *    pointer and chunks from the same KV: the floor under any index load.
 * The isolate's budget is filled first, so each cold load also evicts the
 * least recently used collection, as in steady traffic. The question of a
 * cold request is new too: its embedding runs beside the index load.
 */
import type { RunningWorker } from "../../scripts/lib/wrangler-dev";
import { LOADED_INDEX_MS } from "./collection-traffic";
import { median } from "./measure";
import { serverTiming } from "./server-timing";
import { collectionName, type SyntheticCollection } from "./synthetic-collections";

export interface ColdTurn {
  collection: string;
  loadedMs: number;
  coldMs: number;
  floorMs: number;
  /** Server-Timing of the cold request: the index step (pointer, chunks, checksums, decode) and the embedding beside it. */
  coldIndexMs: number;
  coldEmbedMs: number;
  coldSearchMs: number;
  loadedIndexMs: number;
  loadedEmbedMs: number;
  loadedSearchMs: number;
  /** The floor Worker's own time reading the pointer and chunks. */
  floorReadMs: number;
}

async function timed(url: string) {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return { ms, response, body };
}

const ask = (worker: RunningWorker, rank: number, question: string) =>
  timed(`${worker.url}/faq?collection=${collectionName(rank)}&q=${encodeURIComponent(question)}`);

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * `turns` turns on a fresh faq-edge Worker whose budget `fillRanks` have
 * filled; rank 0 is the loaded peer, and the least asked ranks the cold ones.
 */
export async function measureColdSwitch(worker: RunningWorker, floor: RunningWorker, collections: SyntheticCollection[], turns: number, fillRanks: number) {
  if (fillRanks + turns > collections.length) throw new RangeError(`${fillRanks} filling and ${turns} cold collections need more than ${collections.length}`);
  for (let rank = 0; rank < fillRanks; rank++) await ask(worker, rank, `fill question ${rank}`);
  await ask(worker, 0, "warm question");
  await timed(`${floor.url}/read?collection=${collectionName(0)}`);
  const samples: ColdTurn[] = [];
  for (let turn = 0; turn < turns; turn++) {
    const rank = collections.length - 1 - turn;
    const name = collectionName(rank);
    const steps = {
      loaded: () => ask(worker, 0, `loaded question for turn ${turn}`),
      cold: () => ask(worker, rank, `cold question for turn ${turn}`),
      floor: () => timed(`${floor.url}/read?collection=${name}`),
    };
    const order = (["loaded", "cold", "floor"] as const).map((_, i, all) => all[(i + turn) % all.length]!);
    const got: Partial<Record<keyof typeof steps, Awaited<ReturnType<typeof timed>>>> = {};
    for (const step of order) got[step] = await steps[step]();
    const { loaded, cold, floor: bare } = got as Required<typeof got>;
    const read = JSON.parse(bare.body) as { bytes: number; readMs: number };
    if (read.bytes !== collections[rank]!.pointer.bytes) throw new Error(`the floor Worker read ${read.bytes} bytes of ${name}, not its ${collections[rank]!.pointer.bytes}`);
    samples.push({
      collection: name, loadedMs: loaded.ms, coldMs: cold.ms, floorMs: bare.ms,
      coldIndexMs: serverTiming(cold.response, "index"), coldEmbedMs: serverTiming(cold.response, "embed"), coldSearchMs: serverTiming(cold.response, "search"),
      loadedIndexMs: serverTiming(loaded.response, "index"), loadedEmbedMs: serverTiming(loaded.response, "embed"), loadedSearchMs: serverTiming(loaded.response, "search"),
      floorReadMs: read.readMs,
    });
  }
  // The loaded share of the traffic phase rests on this: the index step of a loaded index is under LOADED_INDEX_MS, a cold one's not.
  const misread = samples.filter((s) => !(s.loadedIndexMs < LOADED_INDEX_MS) || !(s.coldIndexMs >= LOADED_INDEX_MS));
  if (misread.length > 0) throw new Error(`Server-Timing does not tell loaded from cold here: ${JSON.stringify(misread)}`);
  const m = (pick: (s: ColdTurn) => number) => round1(median(samples.map(pick)));
  return {
    turns,
    clientMs: { loaded: m((s) => s.loadedMs), cold: m((s) => s.coldMs), kvFloor: m((s) => s.floorMs) },
    serverMs: {
      coldIndex: m((s) => s.coldIndexMs), coldEmbed: m((s) => s.coldEmbedMs), coldSearch: m((s) => s.coldSearchMs),
      loadedEmbed: m((s) => s.loadedEmbedMs), loadedSearch: m((s) => s.loadedSearchMs), kvFloorRead: m((s) => s.floorReadMs),
    },
    // medians of the per-turn differences: each pair measured moments apart
    coldMinusLoadedMs: m((s) => s.coldMs - s.loadedMs),
    coldMinusKvFloorMs: m((s) => s.coldMs - s.floorMs),
    coldIndexMinusKvReadMs: m((s) => s.coldIndexMs - s.floorReadMs),
    coldOverKvFloor: Math.round(median(samples.map((s) => s.coldMs / s.floorMs)) * 100) / 100,
    samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === "number" ? round1(v) : v]))),
  };
}
