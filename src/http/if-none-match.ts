/** One entity-tag of a list: optional weak prefix, then a quoted opaque tag (RFC 9110, section 8.8.3). */
const ENTITY_TAG = /\s*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;

/** The opaque part of an entity-tag, without W/ and quotes; null when it is not one. */
const opaqueTag = (etag: string) => /^(?:W\/)?"([^"]*)"$/.exec(etag)?.[1] ?? null;

/**
 * Whether an If-None-Match header matches the current representation's
 * `etag`, as RFC 9110 section 13.1.2 says: `*` matches any current
 * representation; otherwise the header is a comma-separated list of
 * entity-tags, compared weakly (W/"x" and "x" match each other). A header that
 * does not parse as such a list matches nothing.
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const ours = opaqueTag(etag);
  if (ours === null) return false;
  ENTITY_TAG.lastIndex = 0;
  let hit = false;
  while (ENTITY_TAG.lastIndex < header.length) {
    const match = ENTITY_TAG.exec(header);
    if (!match) return false;
    if (match[1] === ours) hit = true;
  }
  return hit;
}
