import type { DomElement } from "./dom";

/*
 * The parts of a page around its content: site navigation, banners, footers
 * and sidebars, by element or ARIA role. Their headings and toggles
 * ("Opening hours", "Menu", "Was this article helpful?", "Related articles")
 * are never FAQs, whatever they say. A <header> or <footer> inside an
 * article counts too: there it holds the title and the share and vote buttons.
 */
const CHROME_TAGS = new Set(["NAV", "HEADER", "FOOTER", "ASIDE"]);
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "menu", "menubar"]);

/** Whether the element is in the page's chrome: an ancestor walk, as closest() would compile its selector on every call. */
export function inChrome(element: DomElement): boolean {
  for (let at: DomElement | null = element; at; at = at.parentElement) {
    if (CHROME_TAGS.has(at.tagName) || CHROME_ROLES.has(at.getAttribute("role") ?? "")) return true;
  }
  return false;
}

/** At least half of the items ask a question: the test that a list or an accordion is an FAQ. */
export const mostlyQuestions = (asks: boolean[]) => asks.length > 0 && asks.filter(Boolean).length * 2 >= asks.length;
