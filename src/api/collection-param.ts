import { isCollectionName } from "../collections/collection-name";
import { badRequest } from "../errors";

/** What a malformed `collection` query parameter is told, on every route that takes one. */
export const INVALID_COLLECTION_MESSAGE = "Query parameter collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit.";

/**
 * A `collection` query parameter: undefined when absent (the caller decides
 * the default), else a collection name, or 400 invalid_collection. An empty
 * value is refused like any other malformed one: it names no collection, and
 * reading it as the default one would write where nobody asked.
 */
export function parseCollectionParam(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!isCollectionName(raw)) throw badRequest("invalid_collection", INVALID_COLLECTION_MESSAGE);
  return raw;
}
