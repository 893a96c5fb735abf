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
}

export interface DomElement extends DomNode {
  tagName: string;
  parentElement: DomElement | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

export interface DomDocument extends DomElement {
  body: DomElement;
}

/** Parses a whole HTML page with linkedom (htmlparser2 underneath). */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}
