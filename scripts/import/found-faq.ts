import type { DomElement } from "./dom";

/** One question and answer found on a page, before it becomes a record. */
export interface FoundFaq {
  question: string;
  answer: string | null;
  /** JSON-LD @id, when the page gives one. */
  id: string | null;
  /** The question's own anchor on the page (an element id, or the fragment of its url or @id). */
  fragment: string | null;
}

/** The part of a URL or IRI after "#", or null when there is none. */
export const fragmentOf = (value: string | null | undefined) => {
  const at = value?.indexOf("#") ?? -1;
  return at >= 0 && value!.length > at + 1 ? value!.slice(at + 1) : null;
};

/**
 * A question element's anchor: its own id, or the id of the block it opens
 * when that block holds just the question and its answer (a Yoast or Rank
 * Math item, a Q&A wrapper), not a whole list.
 */
export function anchorOf(element: DomElement): string | null {
  const parent = element.parentElement;
  const opens = parent && parent.children[0] === element && parent.children.length <= 2 ? parent.getAttribute("id") : null;
  return element.getAttribute("id") || opens || null;
}
