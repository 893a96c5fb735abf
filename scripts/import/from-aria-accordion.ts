import type { DomDocument, DomElement } from "./dom";
import { anchorOf, type FoundFaq } from "./found-faq";
import { htmlToText, lineOf } from "./html-to-text";
import { inChrome, mostlyQuestions } from "./page-chrome";
import { isQuestion } from "./question-text";

// Bootstrap 4 uses <button> or <a data-toggle>; other kits put role="button" on a heading or a div.
const TOGGLES = "button[aria-expanded][aria-controls], a[aria-expanded][aria-controls], [role=button][aria-expanded][aria-controls]";
const HEADING = "h1, h2, h3, h4, h5, h6";

interface Item {
  toggle: DomElement;
  question: string;
  answer: string;
  asks: boolean;
}

/** The first element the toggle's aria-controls names (it may name several). */
function controlled(document: DomDocument, toggle: DomElement): DomElement | null {
  for (const id of (toggle.getAttribute("aria-controls") ?? "").split(/\s+/)) {
    const region = id === "" ? null : document.getElementById(id);
    if (region) return region;
  }
  return null;
}

/** A menu: most of the region's words are link text. */
function mostlyLinks(region: DomElement, text: string): boolean {
  const linked = Array.from(region.querySelectorAll("a[href]"), (link) => htmlToText(link).length).reduce((sum, n) => sum + n, 0);
  return linked * 2 > text.length;
}

/** The nearest ancestor that also holds another item's toggle: the accordion the item belongs to. */
function accordionOf(item: Item, items: Item[]): DomElement | null {
  for (let parent = item.toggle.parentElement; parent; parent = parent.parentElement) {
    if (items.some((other) => other !== item && parent.contains(other.toggle))) return parent;
  }
  return null;
}

/**
 * Toggles with aria-expanded and aria-controls, outside the page's chrome:
 * the toggle (or the heading holding it) asks and the region it controls
 * answers. A region that is empty or mostly links is a menu, not an answer.
 * Toggles are grouped by the nearest element they share, and a group counts
 * when at least half of its toggles ask a question, so a "Read more" or a
 * "My account" panel is never an FAQ, while a mostly-question accordion keeps
 * its few statement items.
 */
export function fromAriaAccordion(document: DomDocument): FoundFaq[] {
  const items: Item[] = [];
  const regions = new Set<DomElement>();
  for (const toggle of document.querySelectorAll(TOGGLES)) {
    if (inChrome(toggle)) continue;
    const region = controlled(document, toggle);
    if (!region || regions.has(region) || region.contains(toggle) || toggle.contains(region)) continue;
    const answer = htmlToText(region);
    if (answer === "" || mostlyLinks(region, answer)) continue;
    const heading = toggle.closest(HEADING);
    const question = (heading && lineOf(heading)) || lineOf(toggle);
    if (question === "") continue;
    regions.add(region);
    items.push({ toggle, question, answer, asks: isQuestion(question) });
  }
  const groups = new Map<DomElement | null, Item[]>();
  for (const item of items) {
    const root = accordionOf(item, items);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }
  const kept = new Set([...groups.values()].filter((group) => mostlyQuestions(group.map((item) => item.asks))).flat());
  return items.filter((item) => kept.has(item)).map(({ toggle, question, answer }) => ({
    question,
    answer,
    id: null,
    fragment: anchorOf(toggle.closest(HEADING) ?? toggle),
  }));
}
