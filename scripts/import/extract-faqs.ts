import { parseDocument } from "./dom";
import { fromAriaAccordion } from "./from-aria-accordion";
import { fromDefinitionLists } from "./from-definition-list";
import { fromDetails } from "./from-details";
import { fromJsonLd } from "./from-json-ld";
import { fromMicrodata } from "./from-microdata";
import { fromQuestionHeadings } from "./from-question-headings";
import { fromSelectors, type FaqSelectors } from "./from-selectors";
import type { FoundFaq } from "./found-faq";
import { htmlToText } from "./html-to-text";

export type { FoundFaq };

/** The rules, most trusted first; "selectors" is --question-selector and --answer-selector. */
export type FaqMarkup = "selectors" | "json-ld" | "microdata" | "details" | "definition-list" | "aria-accordion" | "question-headings";

export interface ExtractOptions {
  /** Tried before every other rule on each page (default: none). */
  selectors?: FaqSelectors | null;
}

export interface ExtractedPage {
  /** Which markup the FAQs came from, in order of trust; null when the page has none. */
  markup: FaqMarkup | null;
  faqs: FoundFaq[];
  title: string | null;
  h1: string | null;
  /** <link rel="canonical">, when it is an http(s) URL. */
  canonical: string | null;
  /** JSON-LD blocks that could not be parsed (the page is still read). */
  badJsonLd: number;
  /** Why the selectors' matches could not be paired; the page then has no FAQ. */
  problem: string | null;
}

/**
 * The FAQs of one HTML page, from the first rule that finds any, most
 * trusted first: the selectors when given, JSON-LD FAQPage, microdata
 * FAQPage, <details><summary>, definition lists, ARIA accordions, then
 * headings that ask. A page where the selectors match nothing falls through
 * to the other rules; one where their matches do not pair has a problem.
 */
export function extractFaqs(html: string, options: ExtractOptions = {}): ExtractedPage {
  const document = parseDocument(html);
  const title = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim() || null;
  const h1Element = document.querySelector("h1");
  const h1 = h1Element ? htmlToText(h1Element).replace(/\n/g, " ") || null : null;
  const canonicalHref = document.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? null;
  const canonical = canonicalHref && /^https?:\/\//i.test(canonicalHref) ? canonicalHref : null;
  const jsonLd = fromJsonLd(document);
  const page = { title, h1, canonical, badJsonLd: jsonLd.bad, problem: null };

  if (options.selectors) {
    const selected = fromSelectors(document, options.selectors);
    if (selected.problem) return { markup: null, faqs: [], ...page, problem: selected.problem };
    if (selected.faqs.length > 0) return { markup: "selectors", faqs: selected.faqs, ...page };
  }
  const rules: Array<[FaqMarkup, () => FoundFaq[]]> = [
    ["json-ld", () => jsonLd.faqs],
    ["microdata", () => fromMicrodata(document)],
    ["details", () => fromDetails(document)],
    ["definition-list", () => fromDefinitionLists(document)],
    ["aria-accordion", () => fromAriaAccordion(document)],
    ["question-headings", () => fromQuestionHeadings(document)],
  ];
  for (const [markup, read] of rules) {
    const faqs = read();
    if (faqs.length > 0) return { markup, faqs, ...page };
  }
  return { markup: null, faqs: [], ...page };
}
