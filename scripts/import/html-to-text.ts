import { parseDocument, type DomNode } from "./dom";

// Elements that end a line of text: paragraphs, list items, headings, table rows, line breaks.
const BLOCKS = new Set(["P", "DIV", "LI", "UL", "OL", "DL", "DT", "DD", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TABLE", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "FIGURE", "FIGCAPTION", "DETAILS", "SUMMARY", "HR", "BR"]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG", "IFRAME", "BUTTON"]);

function collect(node: DomNode, parts: string[]): void {
  if (node.nodeType === 3) {
    parts.push(node.textContent ?? "");
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  if (SKIPPED.has(node.nodeName)) return;
  const block = BLOCKS.has(node.nodeName);
  if (block) parts.push("\n");
  for (let i = 0; i < node.childNodes.length; i++) collect(node.childNodes[i]!, parts);
  if (block) parts.push("\n");
}

/**
 * The plain text of an HTML fragment or element: tags removed, entities
 * decoded, white space collapsed, and paragraphs, list items and line breaks
 * kept as line breaks (one per block, never blank lines). Links keep their
 * words and lose their address.
 */
export function htmlToText(source: string | DomNode): string {
  const root = typeof source === "string" ? parseDocument(`<!doctype html><html><body>${source}</body></html>`).body : source;
  const parts: string[] = [];
  collect(root, parts);
  return parts.join("")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
