import { parseDocument, type DomDocument, type DomElement } from "./dom";
import { htmlToText } from "./html-to-text";

/** One question and answer found on a page, before it becomes a record. */
export interface FoundFaq {
  question: string;
  answer: string | null;
  /** JSON-LD @id, when the page gives one. */
  id: string | null;
  /** The question's own anchor on the page (an element id, or the fragment of its url or @id). */
  fragment: string | null;
}

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

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: Json | undefined): Json[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** "FAQPage", "https://schema.org/FAQPage" and "schema:FAQPage" all name the type FAQPage. */
const typeNames = (value: Json | undefined) => asArray(value).filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:#]/, ""));
const hasType = (node: JsonObject, type: string) => typeNames(node["@type"]).includes(type);

const fragmentOf = (value: string | null | undefined) => {
  const at = value?.indexOf("#") ?? -1;
  return at >= 0 && value!.length > at + 1 ? value!.slice(at + 1) : null;
};

const textOf = (value: Json | undefined): string | null => {
  const raw = typeof value === "string" ? value : isObject(value) && typeof value["@value"] === "string" ? value["@value"] : null;
  const text = raw === null ? "" : htmlToText(raw);
  return text === "" ? null : text;
};

function questionFromJsonLd(node: JsonObject): FoundFaq | null {
  const question = textOf(node.name) ?? textOf(node.text);
  if (!question) return null;
  const answers = [...asArray(node.acceptedAnswer), ...asArray(node.suggestedAnswer)].filter(isObject);
  const answer = answers.map((a) => textOf(a.text)).find((text) => text !== null) ?? null;
  const id = typeof node["@id"] === "string" && node["@id"].trim() !== "" ? node["@id"].trim() : null;
  const url = typeof node.url === "string" ? node.url : null;
  return { question, answer, id, fragment: fragmentOf(url) ?? fragmentOf(id) };
}

/** Every FAQPage node in a JSON-LD value, however it is nested (@graph, arrays, a WebPage's mainEntity). */
function faqPages(value: Json, found: JsonObject[], depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const item of value) faqPages(item, found, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (hasType(value, "FAQPage")) {
    found.push(value);
    return;
  }
  for (const [key, child] of Object.entries(value)) if (key !== "@context") faqPages(child, found, depth + 1);
}

function fromJsonLd(document: DomDocument): { faqs: FoundFaq[]; bad: number } {
  const pages: JsonObject[] = [];
  let bad = 0;
  for (const script of document.querySelectorAll("script")) {
    if ((script.getAttribute("type") ?? "").split(";")[0]!.trim().toLowerCase() !== "application/ld+json") continue;
    try {
      faqPages(JSON.parse(script.textContent ?? "") as Json, pages);
    } catch {
      bad += 1;
    }
  }
  const faqs = pages.flatMap((page) => asArray(page.mainEntity).filter(isObject).filter((node) => hasType(node, "Question") || node.name !== undefined))
    .map(questionFromJsonLd)
    .filter((faq): faq is FoundFaq => faq !== null);
  return { faqs, bad };
}

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

function fromMicrodata(document: DomDocument): FoundFaq[] {
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

function fromDetails(document: DomDocument): FoundFaq[] {
  const faqs: FoundFaq[] = [];
  for (const details of document.querySelectorAll("details")) {
    const summary = Array.from(details.children).find((child) => child.tagName === "SUMMARY");
    if (!summary) continue;
    const question = htmlToText(summary);
    if (!question) continue;
    // everything in <details> but the <summary>, read as one fragment
    const rest = Array.from(details.childNodes).filter((node) => node !== summary);
    const answer = htmlToText({ nodeType: 11, nodeName: "#document-fragment", textContent: null, childNodes: rest });
    faqs.push({ question, answer: answer || null, id: null, fragment: details.getAttribute("id") || summary.getAttribute("id") || null });
  }
  return faqs;
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
