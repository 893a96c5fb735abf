import type { DomDocument, DomElement } from "./dom";
import { anchorOf, type FoundFaq } from "./found-faq";
import { htmlToText, lineOf } from "./html-to-text";
import { inChrome, mostlyQuestions } from "./page-chrome";
import { isQuestion } from "./question-text";

/** A <dl>'s <dt> and <dd> children in order, looking through the <div> wrappers HTML allows around a group. */
function terms(list: DomElement): DomElement[] {
  const found: DomElement[] = [];
  for (const child of Array.from(list.children)) {
    if (child.tagName === "DT" || child.tagName === "DD") found.push(child);
    else if (child.tagName === "DIV") found.push(...Array.from(child.children).filter((inner) => inner.tagName === "DT" || inner.tagName === "DD"));
  }
  return found;
}

/**
 * Each <dt> asks and the <dd>s after it (until the next <dt>) answer, one
 * line each. A list counts when at least half of its terms ask a question,
 * so a glossary or a table of opening hours is not read as an FAQ.
 */
export function fromDefinitionLists(document: DomDocument): FoundFaq[] {
  const faqs: FoundFaq[] = [];
  for (const list of document.querySelectorAll("dl")) {
    if (inChrome(list)) continue;
    const pairs: Array<{ term: DomElement; answers: string[] }> = [];
    for (const element of terms(list)) {
      if (element.tagName === "DT") pairs.push({ term: element, answers: [] });
      else pairs.at(-1)?.answers.push(htmlToText(element));
    }
    const listed = pairs
      .map(({ term, answers }) => ({ term, question: lineOf(term), answer: answers.filter((text) => text !== "").join("\n") }))
      .filter((pair) => pair.question !== "" && pair.answer !== "");
    if (!mostlyQuestions(listed.map((pair) => isQuestion(pair.question)))) continue;
    for (const { term, question, answer } of listed) faqs.push({ question, answer, id: null, fragment: anchorOf(term) });
  }
  return faqs;
}
