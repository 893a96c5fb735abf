import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { parseCollectionParam } from "../api/collection-param";
import { scopedCollection } from "../collections/admin-scope";
import { findCollection } from "../collections/find-collection";
import { ApiError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import { isolate } from "../isolate";

/** What every owner's route needs: the database, or 503 no_database. */
export function database(c: Context<AppEnv>): D1Database {
  if (!c.env.FAQ_DB) throw new ApiError(503, "no_database", "This Worker has no FAQ_DB binding, so nothing was logged (docs/inbox.md).");
  return c.env.FAQ_DB;
}

/**
 * The collection an owner's request reads, for every /admin route: its
 * `collection` parameter (400 invalid_collection when malformed or empty),
 * else the default one or the token's; a collection token naming another is 403.
 */
export function adminCollection(c: Context<AppEnv>): string {
  return scopedCollection(c.get("adminScope"), parseCollectionParam(c.req.query("collection")));
}

/**
 * Runs `use` with the collection's served index, for FAQ questions and the
 * grouping threshold, or with null when none can be served: the inbox stays
 * readable without one. The lease is held until `use` is done, so that the
 * index is not evicted, and its memory given to another collection, while
 * the answer is being built from it.
 */
export async function withIndexOrNull<T>(c: Context<AppEnv>, name: string, use: (index: FaqIndex | null) => Promise<T>): Promise<T> {
  let lease;
  try {
    lease = await findCollection({ collections: isolate().collections, kv: c.env.FAQ_KV, config: c.get("config"), name });
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400) return use(null);
    throw error;
  }
  try {
    return await use(lease.index);
  } finally {
    lease.release();
  }
}

/** A JSON body's media type, checked before the body is read: 415 unsupported_media_type otherwise. */
export function requireJson(c: Context<AppEnv>): void {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "The body must be sent as application/json.");
}
