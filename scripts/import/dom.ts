import { parseHTML } from "linkedom";

/**
 * The part of the DOM the importer uses, typed here because the project's
 * TypeScript setup has Cloudflare's Worker types, not the browser's DOM.
 * linkedom's nodes provide all of it.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  parentElement: DomElement | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  matches(selector: string): boolean;
  closest(selector: string): DomElement | null;
  contains(other: DomNode): boolean;
}

export interface DomDocument extends DomElement {
  body: DomElement;
  getElementById(id: string): DomElement | null;
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === 1;

/**
 * The element's descendants in document order. Walks that run once per
 * heading use this rather than querySelectorAll: linkedom compiles the
 * selector on every call, which costs more than the walk on a small subtree.
 */
export function descendants(element: DomElement): DomElement[] {
  const found: DomElement[] = [];
  for (const child of Array.from(element.children)) found.push(child, ...descendants(child));
  return found;
}

/** Parses a whole HTML page with linkedom (htmlparser2 underneath). */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}
