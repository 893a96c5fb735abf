import type { AdminScope } from "../app-env";
import { ApiError } from "../errors";
import { DEFAULT_COLLECTION } from "./collection-name";

/**
 * The collection an owner's request reads: the one named, else the default
 * one (ADMIN_TOKEN), or the token's own collection. A collection token naming
 * another collection is refused, whatever parameter names it.
 */
export function scopedCollection(scope: AdminScope, named: string | undefined): string {
  if (scope.collection === null) return named ?? DEFAULT_COLLECTION;
  if (named !== undefined && named !== scope.collection) throw new ApiError(403, "forbidden_collection", "This token opens another collection.");
  return scope.collection;
}
