import { describe, expect, it } from "vitest";
import { parseDocument } from "./dom";
import { fromQuestionHeadings } from "./from-question-headings";

const read = (body: string) => fromQuestionHeadings(parseDocument(`<!doctype html><html><body>${body}</body></html>`)).map((faq) => [faq.question, faq.answer]);

describe("headings that ask", () => {
  it("ends an answer at the next heading of the same or a higher level, keeping lower headings in it", () => {
    expect(read("<h2>How do I return an item?</h2><p>Pack it.</p><h4>Labels</h4><p>Print one.</p><h2>Can I swap a size?</h2><p>Yes.</p><h2>Shipping</h2><p>Fast.</p>")).toEqual([
      ["How do I return an item?", "Pack it.\nLabels\nPrint one."],
      ["Can I swap a size?", "Yes."],
    ]);
  });

  it("ends an answer at the next question, whatever its level", () => {
    expect(read("<h2>What is a deductible?</h2><p>What you pay first.</p><h3>How much is mine?</h3><p>See your policy.</p>")).toEqual([
      ["What is a deductible?", "What you pay first."],
      ["How much is mine?", "See your policy."],
    ]);
  });

  it("reads a bold line as a question, with the rest of its paragraph after a <br>; bold inside a sentence is not one", () => {
    expect(read("<p><strong>Do you deliver on Sundays?</strong><br>No.</p><p><b>Is parking free?</b></p><p>Yes, <strong>for two hours</strong>.</p><p>Why? <b>Is it safe?</b></p>")).toEqual([
      ["Do you deliver on Sundays?", "No."],
      ["Is parking free?", "Yes, for two hours.\nWhy? Is it safe?"],
    ]);
  });

  it("never runs an answer into the page's footer, sidebar or a form, past a rule, or out of its section or FAQ block", () => {
    const faq = "<h3>Can I pay later?</h3><p>Yes.</p><h3>Is there a fee?</h3><p>No.</p>";
    const expected = [["Can I pay later?", "Yes."], ["Is there a fee?", "No."]];
    expect(read(`<div>${faq}</div><footer><p>© Shop</p></footer>`)).toEqual(expected);
    expect(read(`<div>${faq}</div><aside><p>Sale now on</p></aside>`)).toEqual(expected);
    expect(read(`<div>${faq}<hr><p>Signed, the team</p></div>`)).toEqual(expected);
    expect(read(`<div>${faq}<form><label>E-mail me</label></form></div>`)).toEqual(expected);
    expect(read(`<section>${faq}</section><p>Unrelated paragraph</p>`)).toEqual(expected);
    expect(read(`<div class="faq">${faq}</div><div class="promo"><p>Sale now on</p></div>`)).toEqual(expected);
  });

  it("needs 2 answered questions: one question heading, or questions with nothing after them, are not an FAQ", () => {
    expect(read("<h2>Is remote work here to stay?</h2><p>Probably.</p><h2>Summary</h2><p>Yes.</p>")).toEqual([]);
    expect(read("<h3>How do I log in?</h3><h3>How do I log out?</h3><h3>Can I stay logged in?</h3><p>Yes.</p>")).toEqual([]);
  });
});
