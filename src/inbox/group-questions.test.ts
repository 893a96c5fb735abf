import { describe, expect, it } from "vitest";
import { buildLexicalIndex } from "../search/bm25";
import { groupQuestions } from "./group-questions";
import type { LoggedQuestion } from "./read-inbox";

const asked = (text: string, count: number, vector: number[] | null, model: string | null = "m", nearest: [string, number] | null = null): LoggedQuestion => ({
  text, count, firstSeen: 1, lastSeen: 2, nearestId: nearest?.[0] ?? null, nearestScore: nearest?.[1] ?? null,
  model: vector ? model : null, vector: vector ? Int8Array.from(vector) : null, degraded: vector === null,
});
const labels = (groups: ReturnType<typeof groupQuestions>) => groups.map((g) => [g.label, g.count, g.questions.map((q) => q.text)]);

// The words of a few Medicare FAQ questions, as the served index knows them: "medicare" is in every one.
const medicare = buildLexicalIndex([
  "How do I sign up for Medicare?", "What is Medicare and who can get it?",
  "How do I terminate my Medicare Part B?", "How can I get help with my Medicare Part A and Part B premiums?",
].map((text) => [{ text, weight: 1 }]));
const medicareWords = { language: "en" as const, vocabulary: { terms: medicare.terms, termIdf: medicare.termIdf, documents: 4 } };

describe("groupQuestions", () => {
  it("puts paraphrases together and unrelated questions apart, most asked first", () => {
    const groups = groupQuestions([
      asked("dog allowed?", 1, [0, 0, 0, 100]),
      asked("do you ship to canada", 3, [0, 0, 100, 0]),
      asked("shipping to canada?", 2, [0, 0, 99, 14]),
      asked("can I pay in bitcoin", 4, [100, 0, 0, 0]),
    ], 0.8, "m");
    expect(labels(groups)).toEqual([
      ["do you ship to canada", 5, ["do you ship to canada", "shipping to canada?"]],
      ["can I pay in bitcoin", 4, ["can I pay in bitcoin"]],
      ["dog allowed?", 1, ["dog allowed?"]],
    ]);
  });

  it("joins the two Paris questions by their rare words, which their cosine alone does not", () => {
    // the local model's cosine of the two is 0.677; these vectors have 0.677: 0.802 with a shared rare word, against 0.75 + 0.05
    const paris = [asked("When does the train to Paris leave?", 2, [100, 0, 0, 0]), asked("train times to Paris", 1, [68, 74, 0, 0])];
    expect(labels(groupQuestions(paris, 0.75, "m"))).toEqual([["When does the train to Paris leave?", 3, ["When does the train to Paris leave?", "train times to Paris"]]]);
    // the same cosine with only a function word in common ("to") stays apart
    const unrelated = [asked("When does the train to Paris leave?", 2, [100, 0, 0, 0]), asked("how to pay by card", 1, [68, 74, 0, 0])];
    expect(groupQuestions(unrelated, 0.75, "m")).toHaveLength(2);
  });

  it("joins the two Canada questions that share words (docs/inbox.md), but not \"can you deliver to Toronto\"", () => {
    // cosines 0.82, 0.62 and 0.56, nearest FAQs and scores as the local model puts them on the Medicare demo.
    // Toronto shares no rare word with the others, and unrelated questions reach 0.6 as often: see docs/inbox.md
    const groups = groupQuestions([
      asked("do you ship to Canada", 3, [100, 0, 0, 0], "m", ["0", 0.449]),
      asked("shipping to canada?", 2, [82, 57, 0, 0], "m", ["4", 0.209]),
      asked("can you deliver to Toronto", 1, [62, 9, 78, 0], "m", ["7", 0.385]),
    ], 0.75, "m", medicareWords);
    expect(labels(groups)).toEqual([
      ["do you ship to Canada", 5, ["do you ship to Canada", "shipping to canada?"]],
      ["can you deliver to Toronto", 1, ["can you deliver to Toronto"]],
    ]);
  });

  it("keeps two Medicare questions apart when each came close to a different FAQ, though their cosine is 0.84", () => {
    const groups = groupQuestions([
      asked("How can Medicare help me?", 2, [100, 0, 0, 0], "m", ["8", 0.782]),
      asked("how do I cancle my medicare part b", 1, [84, 55, 0, 0], "m", ["2", 0.787]),
    ], 0.75, "m", medicareWords);
    expect(labels(groups)).toEqual([
      ["How can Medicare help me?", 2, ["How can Medicare help me?"]],
      ["how do I cancle my medicare part b", 1, ["how do I cancle my medicare part b"]],
    ]);
  });

  it("groups a question without a vector, or with another model's, by its rare words", () => {
    const groups = groupQuestions([
      asked("reset password", 2, [100, 0, 0, 0]),
      asked("reset password please", 1, null),
      asked("Reset my password!", 1, [100, 0, 0, 0], "old-model"),
      asked("cancel my order", 1, null),
    ], 0.8, "m");
    expect(labels(groups)).toEqual([
      ["reset password", 4, ["reset password", "Reset my password!", "reset password please"]],
      ["cancel my order", 1, ["cancel my order"]],
    ]);
  });

  it("gives the same groups whatever order the questions come in; ties go by text", () => {
    const questions = [
      asked("When does the train to Paris leave?", 1, [100, 0, 0, 0]),
      asked("train times to Paris", 1, [68, 74, 0, 0]),
      asked("Paris hotels", 1, [0, 0, 100, 0]),
      asked("hotel in Paris?", 1, [0, 0, 99, 14]),
      asked("dog allowed?", 1, [0, 0, 0, 100]),
      asked("pets allowed?", 1, [0, 14, 0, 99]),
    ];
    const expected = [
      ["Paris hotels", 2, ["Paris hotels", "hotel in Paris?"]],
      ["When does the train to Paris leave?", 2, ["When does the train to Paris leave?", "train times to Paris"]],
      ["dog allowed?", 2, ["dog allowed?", "pets allowed?"]],
    ];
    for (const order of [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 5, 1, 4, 2], [1, 3, 5, 0, 2, 4]]) {
      expect(labels(groupQuestions(order.map((i) => questions[i]!), 0.75, "m"))).toEqual(expected);
    }
  });

  it("averages over a group (average linkage), so a chain of near neighbours does not join", () => {
    // a~b and b~c reach cos 0.8 (angle 0.6 rad apart), a and c (1.2 rad) do not
    const at = (angle: number) => [Math.round(100 * Math.cos(angle)), Math.round(100 * Math.sin(angle)), 0, 0];
    const groups = groupQuestions([asked("a", 3, at(0)), asked("b", 2, at(0.6)), asked("c", 1, at(1.2))], 0.75, "m");
    expect(labels(groups)).toEqual([["a", 5, ["a", "b"]], ["c", 1, ["c"]]]);
  });

  it("joins the group it is closest to on average", () => {
    const groups = groupQuestions([
      asked("x", 5, [100, 0, 0, 0]),
      asked("y", 4, [0, 100, 0, 0]),
      asked("between, nearer y", 1, [60, 80, 0, 0]),
    ], 0.55, "m");
    expect(labels(groups)).toEqual([["x", 5, ["x"]], ["y", 5, ["y", "between, nearer y"]]]);
  });

  it("needs the mean to reach the threshold it is given plus 0.05, or the margin it is given", () => {
    const pair = [asked("p", 2, [100, 0, 0, 0]), asked("q", 1, [90, 44, 0, 0])]; // cosine 0.898
    expect(groupQuestions(pair, 0.84, "m")).toHaveLength(1);
    expect(groupQuestions(pair, 0.85, "m")).toHaveLength(2);
    expect(groupQuestions(pair, 0.89, "m", { margin: 0 })).toHaveLength(1);
  });

  it("handles no question and one question", () => {
    expect(groupQuestions([], 0.75, "m")).toEqual([]);
    expect(labels(groupQuestions([asked("alone", 2, [100, 0, 0, 0])], 0.75, "m"))).toEqual([["alone", 2, ["alone"]]]);
    expect(labels(groupQuestions([asked("alone", 1, null)], 0.75, "m"))).toEqual([["alone", 1, ["alone"]]]);
  });
});
