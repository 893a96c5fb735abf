import { parseDocument, type DomDocument, type DomElement } from "./dom";
import { anchorOf, type FoundFaq } from "./found-faq";
import { htmlToText, lineOf } from "./html-to-text";

/** --question-selector and --answer-selector: CSS selectors for markup no rule reads. */
export interface FaqSelectors {
  question: string;
  answer: string;
}

/** Why linkedom cannot use the selector, or null when it can. */
export function selectorProblem(selector: string): string | null {
  if (selector.trim() === "") return "is empty";
  try {
    parseDocument("<!doctype html><html><body><p></p></body></html>").querySelectorAll(selector);
    return null;
  } catch (error) {
    return `is not a CSS selector linkedom can read (${(error as Error).message.trim().replace(/\.$/, "")})`;
  }
}

const quote = (element: DomElement) => {
  const text = lineOf(element);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
};

/**
 * Pairs by document order: each question takes the answers that follow it
 * before the next question (several answers are joined, one per line). Only
 * the outermost match counts. A page where neither selector matches gives
 * no FAQ, so the other rules may read it; a page where they match but do not
 * pair (a question with no answer, an answer before any question, a match
 * of both, one inside the other) gives a problem, never a guessed pairing.
 */
export function fromSelectors(document: DomDocument, selectors: FaqSelectors): { faqs: FoundFaq[]; problem: string | null } {
  const fail = (problem: string) => ({ faqs: [], problem });
  // each selector compiled once (linkedom compiles on every matches() call); the joined one gives document order
  const questions = new Set(document.querySelectorAll(selectors.question));
  const answers = new Set(document.querySelectorAll(selectors.answer));
  const matched: Array<{ element: DomElement; asks: boolean }> = [];
  for (const element of document.querySelectorAll(`${selectors.question}, ${selectors.answer}`)) {
    const asks = questions.has(element);
    if (asks && answers.has(element)) return fail(`both selectors match ${quote(element)}`);
    const outer = matched.find((earlier) => earlier.element.contains(element));
    if (outer && outer.asks !== asks) return fail(`${asks ? "a question" : "an answer"} (${quote(element)}) is inside ${outer.asks ? "a question" : "an answer"}`);
    if (!outer) matched.push({ element, asks });
  }
  if (matched.length === 0) return { faqs: [], problem: null };

  const asked = matched.filter((match) => match.asks).length;
  const counts = `--question-selector matched ${asked}, --answer-selector ${matched.length - asked}`;
  const pairs: Array<{ question: DomElement; answers: DomElement[] }> = [];
  const unanswered = (at: string) => {
    const last = pairs.at(-1);
    return last && last.answers.length === 0 ? `${counts}: question ${pairs.length} (${quote(last.question)}) has no answer ${at}` : null;
  };
  for (const { element, asks } of matched) {
    if (!asks && pairs.length === 0) return fail(`${counts}: an answer (${quote(element)}) comes before any question`);
    if (!asks) pairs.at(-1)!.answers.push(element);
    else {
      const problem = unanswered("before the next question");
      if (problem) return fail(problem);
      if (lineOf(element) === "") return fail(`${counts}: question ${pairs.length + 1} has no text`);
      pairs.push({ question: element, answers: [] });
    }
  }
  const problem = unanswered("after it");
  if (problem) return fail(problem);
  return {
    faqs: pairs.map(({ question, answers }) => ({
      question: lineOf(question),
      answer: answers.map((answer) => htmlToText(answer)).filter((text) => text !== "").join("\n") || null,
      id: null,
      fragment: anchorOf(question),
    })),
    problem: null,
  };
}
