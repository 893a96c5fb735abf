import { parseDocument } from "./dom";
import { fromDetails } from "./from-details";
import { fromJsonLd } from "./from-json-ld";
import { fromMicrodata } from "./from-microdata";
import type { FoundFaq } from "./found-faq";
import { htmlToText } from "./html-to-text";

export type { FoundFaq };

export type FaqMarkup = "json-ld" | "microdata" | "details";

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
}

/**
 * The FAQs of one HTML page, from the most trusted markup it has: JSON-LD
 * FAQPage, else microdata FAQPage, else <details><summary> pairs.
 */
export function extractFaqs(html: string): ExtractedPage {
  const document = parseDocument(html);
  const title = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim() || null;
  const h1Element = document.querySelector("h1");
  const h1 = h1Element ? htmlToText(h1Element).replace(/\n/g, " ") || null : null;
  const canonicalHref = document.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? null;
  const canonical = canonicalHref && /^https?:\/\//i.test(canonicalHref) ? canonicalHref : null;
  const page = { title, h1, canonical };

  const jsonLd = fromJsonLd(document);
  if (jsonLd.faqs.length > 0) return { markup: "json-ld", faqs: jsonLd.faqs, ...page, badJsonLd: jsonLd.bad };
  const microdata = fromMicrodata(document);
  if (microdata.length > 0) return { markup: "microdata", faqs: microdata, ...page, badJsonLd: jsonLd.bad };
  const details = fromDetails(document);
  if (details.length > 0) return { markup: "details", faqs: details, ...page, badJsonLd: jsonLd.bad };
  return { markup: null, faqs: [], ...page, badJsonLd: jsonLd.bad };
}
