import { figureSource, type FigureSource } from "../figure-source";
import { fixed, grouped, num, str, table } from "../format";

interface Metrics { top1: number; mrr10: number; recall5: number }
type Modes = Record<"semantic" | "lexical" | "hybrid" | "bm25_peer" | "orama", Metrics>;
interface EvalResults {
  dataset: string;
  faqs: number;
  queries: number;
  language: string;
  fusionAlpha: number;
  modes: Modes;
  answered: { target: number; threshold: number | null; precision: number; coverage: number; oracle_coverage: number; ece: number | null; out_of_scope_answered: number };
  typos?: { modes: Modes; hybridTop1Ratio: number };
}

const MODE_NAMES: Array<[keyof Modes, string]> = [
  ["semantic", "semantic"],
  ["lexical", "lexical (BM25)"],
  ["hybrid", "**hybrid** (default)"],
  ["bm25_peer", "bm25_peer (MiniSearch)"],
  ["orama", "Orama hybrid (peer)"],
];

const three = (value: unknown) => fixed(value, 3);
const signed = (value: number) => `${value >= 0 ? "+" : "−"}${fixed(Math.abs(value), 3)}`;
/** What the docs show where a figure does not apply: a threshold or ECE of an index without a confidence model. */
const orNone = (value: number | null, show: (v: number) => string) => (value === null ? "none" : show(value));

/**
 * `npm run eval -- --dataset ../shared/eval/SET --typos --results bench/results/eval-SET.json`:
 * one development set through the Worker, in every mode, with the peers and the answered promise.
 */
export function evalFigures(set: string): FigureSource<EvalResults> {
  return figureSource<EvalResults>({
    file: `bench/results/eval-${set}.json`,
    command: `npm run eval -- --dataset ../shared/eval/${set} --typos --results bench/results/eval-${set}.json`,
    figures: {
      faqs: (r) => grouped(r.faqs),
      queries: (r) => grouped(r.queries),
      language: (r) => str(r.language),
      fusionAlpha: (r) => String(num(r.fusionAlpha)),
      modes: (r) => table(
        ["mode", "top1", "MRR@10", "recall@5", ...(r.typos ? ["top1, one typo", "MRR@10, one typo"] : [])],
        MODE_NAMES.map(([mode, name]) => [
          name,
          three(r.modes[mode].top1), three(r.modes[mode].mrr10), three(r.modes[mode].recall5),
          ...(r.typos ? [three(r.typos.modes[mode].top1), three(r.typos.modes[mode].mrr10)] : []),
        ]),
      ),
      // the rules every set must meet: hybrid within 0.02 of the better single mode, lexical not below the stock BM25
      hybridOverBest: (r) => signed(num(r.modes.hybrid.top1) - Math.max(num(r.modes.semantic.top1), num(r.modes.lexical.top1))),
      lexicalOverPeer: (r) => signed(num(r.modes.lexical.top1) - num(r.modes.bm25_peer.top1)),
      typoRatio: (r) => (r.typos ? three(r.typos.hybridTop1Ratio) : "not measured"),
      target: (r) => String(num(r.answered.target)),
      threshold: (r) => orNone(r.answered.threshold, three),
      precision: (r) => three(r.answered.precision),
      coverage: (r) => three(r.answered.coverage),
      oracleCoverage: (r) => three(r.answered.oracle_coverage),
      ece: (r) => orNone(r.answered.ece, three),
      outOfScopeAnswered: (r) => three(r.answered.out_of_scope_answered),
      // the README's one quality table: top1 / MRR@10 of every mode and peer, then answered precision / coverage (oracle coverage)
      qualityRow: (r) => [
        ...MODE_NAMES.map(([mode]) => `${three(r.modes[mode].top1)} / ${three(r.modes[mode].mrr10)}`),
        `${three(r.answered.precision)} / ${three(r.answered.coverage)} (${three(r.answered.oracle_coverage)})`,
      ].join(" | "),
    },
  });
}

/** The development sets in ../shared/eval, as the results files name them. */
export const EVAL_SETS = ["stackfaq", "banking77", "covidfaq-jhu"];
