import { describe, expect, it } from "vitest";
import { answerSentences, calibrationRows, pseudoQueries, textPieces } from "./pseudo-queries";

const faq = (id: string, question: string, answer: string | null = null) => ({ id, question, answer, url: null, category: null });

describe("pseudoQueries", () => {
  it("draws twice per FAQ a question with words left out, and an answer sentence where there is one, the same every time", () => {
    const records = [
      faq("1", "How do I reset my forgotten password?", "Choose Forgot password on the sign-in page. We email you a link that works for one hour. It asks for a new password."),
      faq("2", "Where are invoices?"),
      faq("3", "Refunds", "No."),
    ];
    const first = pseudoQueries(records);
    expect(first).toEqual(pseudoQueries(records));
    expect(first.map((q) => [q.row, q.style])).toEqual([[0, "words"], [0, "answer"], [0, "words"], [1, "words"], [1, "words"]]);
    // (the second answer draw picked the first sentence again, so it was not asked twice)
    for (const q of first.filter((q) => q.row === 0 && q.style === "words")) {
      const words = q.query.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(1);
      expect(words.every((word) => ["How", "do", "I", "reset", "my", "forgotten", "password"].includes(word))).toBe(true);
    }
    const sentences = answerSentences(records[0]!.answer!);
    for (const q of first.filter((q) => q.style === "answer")) expect(sentences).toContain(q.query + ".");
    // the same FAQ is never asked the same pseudo-query twice
    expect(new Set(first.map((q) => `${q.row}:${q.query}`)).size).toBe(first.length);
  });

  it("keeps at least one word of a question, however many the draw leaves out", () => {
    const queries = pseudoQueries(Array.from({ length: 30 }, (_, i) => faq(String(i), `alpha${i} beta${i} gamma${i}`)));
    expect(queries.length).toBeGreaterThan(30);
    for (const q of queries) {
      expect(q.query.length).toBeGreaterThan(0);
      expect(q.query.split(" ").every((word) => word.endsWith(String(q.row)))).toBe(true);
    }
  });

  it("cuts scripts written without spaces into pairs of characters, and joins them back without spaces", () => {
    expect(textPieces("パスワードを忘れた場合 help")).toEqual(["パス", "ワー", "ドを", "忘れ", "た場", "合", "help"]);
    const [query] = pseudoQueries([faq("ja", "パスワードを忘れた場合はどうすればいいですか？")]);
    expect(query!.query).not.toMatch(/\s/);
    expect("パスワードを忘れた場合はどうすればいいですか".includes(query!.query.slice(0, 2))).toBe(true);
  });

  it("draws at most 200 FAQs, spread evenly over the collection", () => {
    expect(calibrationRows(5)).toEqual([0, 1, 2, 3, 4]);
    const rows = calibrationRows(10_000);
    expect(rows).toHaveLength(200);
    expect(rows.slice(0, 3)).toEqual([0, 50, 100]);
    expect(rows.at(-1)).toBe(9950);
  });
});
