import { describe, expect, it } from "vitest";
import { parseDocument } from "./dom";
import { fromAriaAccordion } from "./from-aria-accordion";

const read = (body: string) => fromAriaAccordion(parseDocument(`<!doctype html><html><body>${body}</body></html>`)).map((faq) => [faq.question, faq.answer, faq.fragment]);
const item = (id: string, question: string, answer: string) =>
  `<div class="item"><button aria-expanded="false" aria-controls="${id}">${question}</button><div id="${id}" hidden>${answer}</div></div>`;

describe("ARIA accordions", () => {
  it("reads the question from the heading that holds an icon-only toggle", () => {
    expect(read(`<div><h3 id="q1">Do you ship abroad? <button aria-expanded="false" aria-controls="a1"><svg></svg></button></h3><div id="a1"><p>Yes, to 30 countries.</p></div></div>`))
      .toEqual([["Do you ship abroad?", "Yes, to 30 countries.", "q1"]]);
  });

  it("takes no region that is empty, missing, or mostly links, even behind a question", () => {
    expect(read(`<div>${item("m1", "Which manuals are there?", '<ul><li><a href="/m/drill">Drill manual</a></li><li><a href="/m/saw">Saw manual</a></li></ul>')}`
      + `${item("m2", "Where are the spare parts?", '<p>See <a href="/parts">the spare parts shop and price list</a>.</p>')}`
      + `${item("m3", "Is there a search?", "<form><input></form>")}<button aria-expanded="false" aria-controls="nowhere">Can I log in?</button></div>`)).toEqual([]);
  });

  it("judges each accordion by its own toggles: a Read more beside an FAQ accordion stays out, statement items inside it stay in", () => {
    expect(read(`<main><p>About us.</p>${item("more", "Read more", "<p>Founded in 1962.</p>")}`
      + `<div class="faq">${item("a1", "Can I return a gift?", "Yes, with the receipt.")}${item("a2", "Gift wrapping", "Free at the till.")}</div></main>`)).toEqual([
      ["Can I return a gift?", "Yes, with the receipt.", null],
      ["Gift wrapping", "Free at the till.", null],
    ]);
  });
});
