import type { DomDocument } from "./dom";
import type { FoundFaq } from "./found-faq";
import { htmlToText, nodesToText } from "./html-to-text";

/** Each <details> with a <summary>: the summary asks, the rest answers. */
export function fromDetails(document: DomDocument): FoundFaq[] {
  const faqs: FoundFaq[] = [];
  for (const details of document.querySelectorAll("details")) {
    const summary = Array.from(details.children).find((child) => child.tagName === "SUMMARY");
    if (!summary) continue;
    const question = htmlToText(summary);
    if (!question) continue;
    // everything in <details> but the <summary>, read as one fragment
    const rest = Array.from(details.childNodes).filter((node) => node !== summary);
    const answer = nodesToText(rest);
    faqs.push({ question, answer: answer || null, id: null, fragment: details.getAttribute("id") || summary.getAttribute("id") || null });
  }
  return faqs;
}
