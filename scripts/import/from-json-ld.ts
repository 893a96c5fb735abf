import type { DomDocument } from "./dom";
import { fragmentOf, type FoundFaq } from "./found-faq";
import { htmlToText } from "./html-to-text";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: Json | undefined): Json[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** "FAQPage", "https://schema.org/FAQPage" and "schema:FAQPage" all name the type FAQPage. */
const typeNames = (value: Json | undefined) => asArray(value).filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:#]/, ""));
const hasType = (node: JsonObject, type: string) => typeNames(node["@type"]).includes(type);

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

/** FAQPage questions from every JSON-LD block, and how many blocks were not JSON. */
export function fromJsonLd(document: DomDocument): { faqs: FoundFaq[]; bad: number } {
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
