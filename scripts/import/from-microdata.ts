import type { DomDocument, DomElement } from "./dom";
import { fragmentOf, type FoundFaq } from "./found-faq";
import { htmlToText } from "./html-to-text";

const itemTypeIs = (element: DomElement, type: string) =>
  (element.getAttribute("itemtype") ?? "").split(/\s+/).some((t) => t.replace(/^.*[/:#]/, "") === type);

/** The element's own properties: descendants with itemprop, not inside a nested item. */
function ownProperty(item: DomElement, name: string): DomElement | null {
  for (const candidate of item.querySelectorAll(`[itemprop~="${name}"]`)) {
    let parent = candidate.parentElement;
    while (parent && parent !== item && !parent.hasAttribute("itemscope")) parent = parent.parentElement;
    if (parent === item) return candidate;
  }
  return null;
}

const propertyText = (element: DomElement | null) => {
  if (!element) return null;
  const value = element.getAttribute("content") ?? htmlToText(element);
  const text = value.trim();
  return text === "" ? null : text;
};

/** Questions of each microdata FAQPage, with their accepted (else suggested) answer. */
export function fromMicrodata(document: DomDocument): FoundFaq[] {
  const faqs: FoundFaq[] = [];
  for (const page of document.querySelectorAll("[itemscope][itemtype]")) {
    if (!itemTypeIs(page, "FAQPage")) continue;
    for (const entity of page.querySelectorAll('[itemprop~="mainEntity"][itemscope]')) {
      if (!itemTypeIs(entity, "Question")) continue;
      const question = propertyText(ownProperty(entity, "name"));
      if (!question) continue;
      const answerItem = ownProperty(entity, "acceptedAnswer") ?? ownProperty(entity, "suggestedAnswer");
      const answer = answerItem ? propertyText(ownProperty(answerItem, "text")) : null;
      const itemid = entity.getAttribute("itemid");
      faqs.push({ question, answer, id: null, fragment: entity.getAttribute("id") || fragmentOf(itemid) });
    }
  }
  return faqs;
}
