import { describe, expect, it } from "vitest";
import type { FaqRecord } from "../../src/faq-record";
import { diffRecords } from "./index-diff";

const faq = (id: string, question: string, extra: Partial<FaqRecord> = {}): FaqRecord => ({ id, question, answer: null, url: null, category: null, ...extra });

describe("diffRecords", () => {
  it("matches FAQs by id, in the order of the next index", () => {
    const current = [faq("a", "A?"), faq("b", "B?"), faq("c", "C?"), faq("d", "D?")];
    const next = [faq("e", "E?"), faq("c", "C?", { category: "billing" }), faq("a", "A?"), faq("b", "B, reworded?")];
    expect(diffRecords(current, next)).toEqual({ added: ["e"], removed: ["d"], changed: ["c", "b"], unchanged: 1 });
  });

  it("counts a changed answer or url as a change, and nothing when equal", () => {
    expect(diffRecords([faq("a", "A?", { answer: "x" })], [faq("a", "A?", { answer: "y" })]).changed).toEqual(["a"]);
    expect(diffRecords([faq("a", "A?", { url: "https://a.test" })], [faq("a", "A?")]).changed).toEqual(["a"]);
    expect(diffRecords([faq("a", "A?")], [faq("a", "A?")])).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it("treats everything as added when nothing is served yet", () => {
    expect(diffRecords([], [faq("a", "A?"), faq("b", "B?")])).toEqual({ added: ["a", "b"], removed: [], changed: [], unchanged: 0 });
  });
});
