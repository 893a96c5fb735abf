/**
 * The examples, asked of the Medicare demo (`npm start`) with the
 * local model, as a new user would: which of them the inbox puts in one
 * group, under the current rule and under the cosine alone.
 */
import type { TextEmbedder } from "../../src/embed/text-embedder";
import { groupQuestions } from "../../src/inbox/group-questions";
import { fromStoredVector, toStoredVector } from "../../src/inbox/question-vector";
import type { LoggedQuestion } from "../../src/inbox/read-inbox";
import { readFaqs } from "../../scripts/seed/read-faqs";
import { embedInBatches } from "../../scripts/seed/embed-in-batches";
import { groupByCosineOnly } from "./complete-linkage-grouping";
import { serveFaqs } from "./served-faqs";

const PARIS = ["When does the train to Paris leave?", "train times to Paris"];
// the example of questions that should arrive as one line with a count
const CANADA = ["do you ship to Canada", "shipping to canada?", "can you deliver to Toronto"];
const MEDICARE = ["How can Medicare help me?", "how do I cancle my medicare part b"];
// other questions a visitor of the demo might ask
const DEMO = ["do you cover trips abroad", "Can I get my glasses paid for?", "Does Medicare cover travel outside the US?"];

export interface ExampleOutcome {
  parisJoined: boolean;
  canadaJoined: boolean;
  medicareApart: boolean;
  /** Every example and the demo's questions in one inbox: the groups, most asked first. */
  together: string[][];
}

export async function inboxExamples(embedder: TextEmbedder, fusionAlpha: number, threshold: number) {
  const served = await serveFaqs(await readFaqs("data/medicare-faqs.json"), embedder, fusionAlpha);
  const texts = [...PARIS, ...CANADA, ...MEDICARE, ...DEMO];
  const { vectors } = await embedInBatches(embedder, texts, { batchSize: 64 });
  const asked = new Map(texts.map((text, i): [string, LoggedQuestion] => {
    const nearest = served.nearest(text, vectors[i]!);
    return [text, {
      text, count: 1, firstSeen: 0, lastSeen: 0, nearestId: nearest?.id ?? null, nearestScore: nearest?.score ?? null,
      model: embedder.model, vector: fromStoredVector(toStoredVector(vectors[i]!)), degraded: false,
    }];
  }));
  const outcome = (group: (questions: LoggedQuestion[]) => string[][]): ExampleOutcome => {
    const groupsOf = (some: string[]) => group(some.map((text) => asked.get(text)!)).length;
    return {
      parisJoined: groupsOf(PARIS) === 1,
      canadaJoined: groupsOf(CANADA) === 1,
      medicareApart: groupsOf(MEDICARE) === 2,
      together: group([...asked.values()]),
    };
  };
  const texts2d = (groups: Array<{ questions: LoggedQuestion[] }>) => groups.map((g) => g.questions.map((q) => q.text));
  return {
    rule: outcome((questions) => texts2d(groupQuestions(questions, threshold, embedder.model, served.words))),
    cosineOnly: outcome((questions) => texts2d(groupByCosineOnly(questions, threshold, embedder.model))),
  };
}
