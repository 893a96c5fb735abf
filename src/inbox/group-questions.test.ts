import { describe, expect, it } from "vitest";
import { groupQuestions } from "./group-questions";
import type { LoggedQuestion } from "./read-inbox";

const asked = (text: string, count: number, vector: number[] | null, model: string | null = "m"): LoggedQuestion => ({
  text, count, firstSeen: 1, lastSeen: 2, nearestId: null, nearestScore: null,
  model: vector ? model : null, vector: vector ? Int8Array.from(vector) : null, degraded: vector === null,
});
const labels = (groups: ReturnType<typeof groupQuestions>) => groups.map((g) => [g.label, g.count, g.questions.map((q) => q.text)]);

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

  it("needs every pair in a group to reach the threshold (complete linkage), not a chain", () => {
    // a~b and b~c reach cos 0.8 (angle 0.6 rad apart), a and c (1.2 rad) do not
    const at = (angle: number) => [Math.round(100 * Math.cos(angle)), Math.round(100 * Math.sin(angle)), 0, 0];
    const groups = groupQuestions([asked("a", 3, at(0)), asked("b", 2, at(0.6)), asked("c", 1, at(1.2))], 0.8, "m");
    expect(labels(groups)).toEqual([["a", 5, ["a", "b"]], ["c", 1, ["c"]]]);
  });

  it("joins the group whose least similar member is closest", () => {
    const groups = groupQuestions([
      asked("x", 5, [100, 0, 0, 0]),
      asked("y", 4, [0, 100, 0, 0]),
      asked("between, nearer y", 1, [60, 80, 0, 0]),
    ], 0.55, "m");
    expect(labels(groups)).toEqual([["x", 5, ["x"]], ["y", 5, ["y", "between, nearer y"]]]);
  });

  it("never groups questions it cannot compare: no vector, or another model's", () => {
    const groups = groupQuestions([
      asked("reset password", 2, [100, 0, 0, 0]),
      asked("reset password please", 1, null),
      asked("reset my password", 1, [100, 0, 0, 0], "old-model"),
    ], 0.8, "m");
    expect(labels(groups)).toEqual([
      ["reset password", 2, ["reset password"]],
      ["reset my password", 1, ["reset my password"]],
      ["reset password please", 1, ["reset password please"]],
    ]);
  });

  it("uses the threshold it is given", () => {
    const pair = [asked("p", 2, [100, 0, 0, 0]), asked("q", 1, [90, 44, 0, 0])]; // cosine 0.898
    expect(groupQuestions(pair, 0.89, "m")).toHaveLength(1);
    expect(groupQuestions(pair, 0.9, "m")).toHaveLength(2);
  });
});
