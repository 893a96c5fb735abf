import { figureSource } from "../figure-source";
import { fixed, grouped, num, table, whenMeasured } from "../format";

interface Quality { groups: number; pairPrecision: number; pairRecall: number; purity: number }
interface SetResults {
  questions: number;
  faqs: number;
  rule: Quality & { threshold: number; margin: number; sharedRareWord: number };
  wordSweep: Array<Quality & { sharedRareWord: number }>;
  marginSweep: Array<Quality & { margin: number }>;
  ruleOwnFaqServed: Quality;
  offTopic: { faqsOf: string; rule: Quality; cosineOnly: Quality };
  cosineOnly: { calibrated: Quality & { threshold: number }; sweep: Array<Quality & { threshold: number }> };
  medianMs: { rule: number; cosineOnly: number };
}
interface Grouping { parisJoined: boolean; medicareApart: boolean; together: string[][] }
interface InboxGroupingResults {
  measuredAt: string;
  sets: Record<string, SetResults>;
  examples: { rule: Grouping; cosineOnly: Grouping };
  worstCase: { questions: number; dim: number; medianMs: { rule: number; cosineOnly: number } };
}

const SET_NAMES: Record<string, string> = { stackfaq: "StackFAQ", banking77: "Banking77", "covidfaq-jhu": "CovidFAQ" };
const setName = (key: string) => SET_NAMES[key] ?? key;
const pr = (q: Quality) => `${fixed(q.purity, 3)} / ${fixed(q.pairRecall, 3)}`;
const ms = (value: unknown) => `${grouped(value)} ms`;
const bold = (text: string, yes: boolean) => (yes ? `**${text}**` : text);

/** A sweep as a table: the swept value, then purity / pair recall per set, the chosen value in bold. */
function sweep<K extends string>(r: InboxGroupingResults, label: string, pick: (set: SetResults) => Array<Quality & Record<K, number>>, key: K, chosen: (set: SetResults) => number) {
  const sets = Object.entries(r.sets);
  const values = pick(sets[0]![1]).map((point) => num(point[key]));
  return table([label, ...sets.map(([name]) => setName(name))], values.map((value, i) => {
    const isChosen = chosen(sets[0]![1]) === value;
    return [bold(String(value), isChosen), ...sets.map(([, set]) => bold(pr(pick(set)[i]!), isChosen))];
  }));
}

/** How the examples of the issue were grouped: "one group", or which stayed apart. */
function exampleOutcome(grouping: Grouping, questions: string[]): string {
  const groupOf = (question: string) => grouping.together.findIndex((group) => group.includes(question));
  const groups = new Set(questions.map(groupOf));
  if (groups.has(-1)) throw new Error(`an example question is missing from the results: ${questions.join(", ")}`);
  if (groups.size === 1) return "one group";
  const alone = questions.filter((q) => grouping.together[groupOf(q)]!.length === 1);
  return questions.length > 2 && alone.length === 1 ? `"${alone[0]}" alone` : `${groups.size} groups`;
}

const PARIS = ["When does the train to Paris leave?", "train times to Paris"];
const MEDICARE = ["How can Medicare help me?", "how do I cancle my medicare part b"];
const CANADA = ["do you ship to Canada", "shipping to canada?", "can you deliver to Toronto"];

/** bench/inbox-grouping.ts: how the inbox groups unanswered questions, against the cosine-only rule it replaced. */
export const inboxGroupingFigures = figureSource<InboxGroupingResults>({
  file: "bench/results/inbox-grouping.json",
  command: "npm run bench:inbox",
  figures: {
    ...whenMeasured,
    table: (r) => table(["set", "rule", "groups", "pair precision", "pair recall", "purity"], Object.entries(r.sets).flatMap(([name, set]) => {
      const before = set.cosineOnly.calibrated;
      const after = set.rule;
      return [
        [`${setName(name)} (${grouped(set.questions)} questions, ${grouped(set.faqs)} FAQs)`, `before: cosine only at ${fixed(before.threshold, 2)}, complete linkage`, grouped(before.groups), fixed(before.pairPrecision, 3), fixed(before.pairRecall, 3), fixed(before.purity, 3)],
        ["", "**now**", grouped(after.groups), fixed(after.pairPrecision, 3), fixed(after.pairRecall, 3), fixed(after.purity, 3)],
      ];
    })),
    recallGains: (r) => Object.entries(r.sets).map(([name, set]) => `${fixed(num(set.rule.pairRecall) / num(set.cosineOnly.calibrated.pairRecall), 1)} times on ${setName(name)}`).join(", "),
    situations: (r) => {
      const sets = Object.values(r.sets);
      return table(["situation (purity / pair recall)", ...Object.keys(r.sets).map(setName)], [
        ["own FAQ served too (questions the FAQ nearly answered)", ...sets.map((set) => pr(set.ruleOwnFaqServed))],
        [`off topic: asked of another set's FAQs (${sets.map((set) => `${setName(set.offTopic.faqsOf)}'s`).join(", ")})`, ...sets.map((set) => pr(set.offTopic.rule))],
        ["off topic, cosine only", ...sets.map((set) => pr(set.offTopic.cosineOnly))],
      ]);
    },
    wordSweep: (r) => sweep(r, "word bonus", (set) => set.wordSweep, "sharedRareWord", (set) => num(set.rule.sharedRareWord)),
    marginSweep: (r) => sweep(r, "margin", (set) => set.marginSweep, "margin", (set) => num(set.rule.margin)),
    cosineSweep: (r) => sweep(r, "cosine only, threshold", (set) => set.cosineOnly.sweep, "threshold", (set) => num(set.cosineOnly.calibrated.threshold)),
    times: (r) => {
      const sets = Object.entries(r.sets);
      return table(["input", "now", "cosine only"], [
        [`${grouped(r.worstCase.questions)} unrelated random questions of ${grouped(r.worstCase.dim)} dimensions: the worst case`, ms(r.worstCase.medianMs.rule), ms(r.worstCase.medianMs.cosineOnly)],
        [sets.map(([name]) => setName(name)).join(" / "), `${sets.map(([, set]) => grouped(set.medianMs.rule)).join(" / ")} ms`, `${sets.map(([, set]) => grouped(set.medianMs.cosineOnly)).join(" / ")} ms`],
      ]);
    },
    examples: (r) => table(["questions", "cosine only", "now"], [PARIS, MEDICARE, CANADA].map((questions) => [
      questions.map((q) => `"${q}"`).join(", "),
      exampleOutcome(r.examples.cosineOnly, questions),
      exampleOutcome(r.examples.rule, questions),
    ])),
  },
});
