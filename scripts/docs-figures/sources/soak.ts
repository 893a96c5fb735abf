import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface SoakResults {
  measuredAt: string;
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  unexpected: number;
  workerdRssMiB: { before: number; after: number };
}

/** bench/soak.ts: autocannon against wrangler dev with the local model. */
export const soakFigures = figureSource<SoakResults>({
  file: "bench/results/soak.json",
  command: "npm run bench:soak",
  figures: {
    ...whenMeasured,
    table: (r) => table(
      ["requests", "req/s", "p50", "p99", "statuses", "unexpected", "workerd memory before, after"],
      [[
        grouped(r.requests), grouped(r.rps), `${grouped(r.p50Ms)} ms`, `${grouped(r.p99Ms)} ms`,
        Object.entries(r.statuses).map(([status, count]) => `${grouped(count)} × ${status}`).join(", "),
        grouped(r.unexpected),
        `${Math.round(num(r.workerdRssMiB.before))} MiB, ${Math.round(num(r.workerdRssMiB.after))} MiB`,
      ]],
    ),
    afterMiB: (r) => `${fixed(r.workerdRssMiB.after, 0)} MiB`,
  },
});
