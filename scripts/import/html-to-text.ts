import { parseDocument, type DomNode } from "./dom";

// Elements that end a line of text: paragraphs, list items, headings, table rows, line breaks.
const BLOCKS = new Set(["P", "DIV", "LI", "UL", "OL", "DL", "DT", "DD", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "TABLE", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "FIGURE", "FIGCAPTION", "DETAILS", "SUMMARY", "HR", "BR"]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG", "IFRAME", "BUTTON"]);

/** The fields collect() reads: a node, or a stand-in fragment holding a list of nodes. */
type TextSource = Pick<DomNode, "nodeType" | "nodeName" | "textContent" | "childNodes">;

export interface TextOptions {
  /**
   * Read the words of <button> elements (default false). An answer's buttons
   * are controls ("Copy link", "Yes"/"No"), but an accordion's question is
   * often the text of the button that opens it.
   */
  buttons?: boolean;
}

function collect(node: TextSource, parts: string[], options: TextOptions): void {
  if (node.nodeType === 3) {
    parts.push(node.textContent ?? "");
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  if (SKIPPED.has(node.nodeName) && !(options.buttons && node.nodeName === "BUTTON")) return;
  const block = BLOCKS.has(node.nodeName);
  if (block) parts.push("\n");
  // read once: linkedom builds childNodes anew on every access, so reading it per child is quadratic
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) collect(children[i]!, parts, options);
  if (block) parts.push("\n");
}

/**
 * The plain text of an HTML fragment or element: tags removed, entities
 * decoded, white space collapsed, and paragraphs, list items and line breaks
 * kept as line breaks (one per block, never blank lines). Links keep their
 * words and lose their address.
 */
export function htmlToText(source: string | TextSource, options: TextOptions = {}): string {
  const root = typeof source === "string" ? parseDocument(`<!doctype html><html><body>${source}</body></html>`).body : source;
  const parts: string[] = [];
  collect(root, parts, options);
  return parts.join("")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** The plain text of several sibling nodes read as one fragment, as htmlToText reads an element. */
export const nodesToText = (nodes: ArrayLike<DomNode>, options: TextOptions = {}) =>
  htmlToText({ nodeType: 11, nodeName: "#document-fragment", textContent: null, childNodes: nodes }, options);

/** A question's text on one line: a heading, a <dt> or a toggle, its button words included. */
export const lineOf = (node: DomNode) => htmlToText(node, { buttons: true }).replace(/\n/g, " ");
