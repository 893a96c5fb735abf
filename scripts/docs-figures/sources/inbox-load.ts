import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface Turn { sent: number; ok: number; failed: number; shed?: number; p50Ms: number; p99Ms: number }
interface Steady { perSecond: number; on: Turn; off: Turn; stored: { rows: number; askings: number }; lost: number; p50OnOverOff: number }
interface InboxLoadResults {
  measuredAt: string;
  loadSeconds: number;
  steady: Record<string, Steady>;
  overload: {
    perSecond: number;
    flood: Turn;
    stored: { askings: number };
    notStored: number;
    health: Record<string, number | boolean>;
    workerdRssMiB: { before: number | null; during: number | null; after: number | null };
    afterwards: { asked: number; stored: number };
  };
}

const ms = (value: unknown) => `${fixed(value, 1)} ms`;

/** bench/inbox-load.ts: the inbox writer under steady load and in a flood, against wrangler dev and D1. */
export const inboxLoadFigures = figureSource<InboxLoadResults>({
  file: "bench/results/inbox-load.json",
  command: "npm run bench:inbox-load",
  figures: {
    ...whenMeasured,
    table: (r) => {
      const seconds = grouped(r.loadSeconds);
      const { overload } = r;
      const counted = ["dropped", "failed"].map((name) => `${name} ${grouped(overload.health[name])}`).join(", ");
      return table(["distinct unanswered questions", "answered 200", "askings stored", "lost", "p50, logging on / off"], [
        ...Object.values(r.steady).map((load) => [
          `${grouped(load.perSecond)} a second for ${seconds} s`,
          grouped(load.on.ok),
          grouped(load.stored.askings),
          `**${grouped(load.lost)}**`,
          `${ms(load.on.p50Ms)} / ${ms(load.off.p50Ms)} (${fixed(load.p50OnOverOff, 2)})`,
        ]),
        [
          `${grouped(overload.perSecond)} a second for ${seconds} s (a flood)`,
          grouped(overload.flood.ok),
          grouped(overload.stored.askings),
          // stored can exceed answered (questions whose askers gave up were stored too): a shortfall is what this shows
          `shortfall ${grouped(num(overload.notStored))}; /health ${counted}`,
          ms(overload.flood.p50Ms),
        ],
      ]);
    },
    afterwards: (r) => `${grouped(r.overload.afterwards.stored)} of ${grouped(r.overload.afterwards.asked)}`,
    floodSent: (r) => grouped(r.overload.flood.sent),
    floodHealthWritten: (r) => grouped(r.overload.health.written),
    floodStored: (r) => grouped(r.overload.stored.askings),
    floodShed: (r) => grouped(num(r.overload.flood.shed)),
    floodGivenUp: (r) => grouped(r.overload.flood.failed),
    floodRss: (r) => {
      const { before, during, after } = r.overload.workerdRssMiB;
      return `${grouped(num(before))} MiB before, ${grouped(num(during))} MiB during and ${grouped(num(after))} MiB after`;
    },
  },
});
