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
