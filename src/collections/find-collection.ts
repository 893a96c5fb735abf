import type { WorkerConfig } from "../config";
import { ApiError, IndexUnavailableError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import type { CollectionIndexes, LeasedIndex } from "./collection-indexes";

export interface FindCollection {
  collections: CollectionIndexes;
  kv: KVNamespace;
  config: WorkerConfig;
  name: string;
}

/** Refuses an index this Worker cannot serve: one built with another model or dimension than it embeds queries with. */
function acceptFor(config: WorkerConfig) {
  return (index: FaqIndex): IndexUnavailableError | null => {
    if (index.model === config.model && (config.dim === null || index.dim === config.dim)) return null;
    return new IndexUnavailableError(
      "model_mismatch",
      `The index was built with ${index.model} (${index.dim} dimensions) but this Worker embeds queries with ${config.model}${config.dim ? ` (${config.dim} dimensions)` : ""}.`,
    );
  };
}

/**
 * A collection's index for one request (leased: call release when done),
 * or the reason there is none: 404 unknown_collection, or for the default
 * collection 503 no_index, index_corrupt, model_mismatch, index_unavailable.
 */
export function findCollection({ collections, kv, config, name }: FindCollection): Promise<LeasedIndex> {
  return collections.lease({ name, kv, recheckMs: config.indexRecheckMs, accept: acceptFor(config) });
}

/**
 * Refuses a browser origin the collection's own list does not admit (a
 * collection may narrow ALLOWED_ORIGINS for itself, seed --allowed-origins):
 * 403 before anything is embedded. A request without Origin is not a
 * browser's cross-origin request, and is let through as everywhere else.
 */
export function checkCollectionOrigin(index: FaqIndex, origin: string | undefined): void {
  const allowed = index.allowedOrigins;
  if (allowed === null || origin === undefined || allowed.includes(origin)) return;
  throw new ApiError(403, "origin_not_allowed", "This collection does not answer pages of this origin.");
}
