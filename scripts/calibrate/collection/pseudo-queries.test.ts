import { describe, expect, it } from "vitest";
import { answerSentences, calibrationRows, pseudoQueries, textPieces } from "./pseudo-queries";

const faq = (id: string, question: string, answer: string | null = null) => ({ id, question, answer, url: null, category: null });

describe("pseudoQueries", () => {
  it("makes a question with words left out for every FAQ, and an answer sentence where there is one, the same every time", () => {
    const records = [
      faq("1", "How do I reset my forgotten password?", "Choose Forgot password on the sign-in page. We email you a link that works for one hour."),
      faq("2", "Where are invoices?"),
      faq("3", "Refunds", "No."),
    ];
    const first = pseudoQueries(records);
    expect(first).toEqual(pseudoQueries(records));
    expect(first.map((q) => [q.row, q.style])).toEqual([[0, "words"], [0, "answer"], [1, "words"]]);
    const words = first[0]!.query.split(" ");
    expect(words.length).toBeGreaterThanOrEqual(2);
    expect(words.every((word) => ["How", "do", "I", "reset", "my", "forgotten", "password"].includes(word))).toBe(true);
    expect(answerSentences(records[0]!.answer!)).toContain(first[1]!.query + ".");
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
