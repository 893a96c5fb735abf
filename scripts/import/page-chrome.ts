import type { DomElement } from "./dom";

/**
 * The parts of a page around its content: site navigation, banners, footers
 * and sidebars. Their headings and toggles ("Opening hours", "Menu", "Was
 * this article helpful?", "Related articles") are never FAQs, whatever they
 * say. A <header> or <footer> inside an article counts too: there it holds the
 * title and the share and vote buttons.
 */
export const CHROME = "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=menu], [role=menubar]";

export const inChrome = (element: DomElement) => element.closest(CHROME) !== null;

/** At least half of the items ask a question: the test that a list or an accordion is an FAQ. */
export const mostlyQuestions = (asks: boolean[]) => asks.length > 0 && asks.filter(Boolean).length * 2 >= asks.length;
