import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { IndexUnavailableError } from "../errors";
import type { FaqIndex } from "../index-blob/format";
import { IndexCache } from "./index-cache";
import { wasmAllocator } from "./wasm-allocator";

/** One cache per isolate: the decoded index outlives requests, assembled where the SIMD kernel reads it. */
export const isolateIndexCache = new IndexCache({ allocator: wasmAllocator });

/** The current index, refused if it was built with another model or dimension than this Worker embeds with. */
export function servingIndex(c: Context<AppEnv>): Promise<FaqIndex> {
  const config = c.get("config");
  return isolateIndexCache.get({
    kv: c.env.FAQ_KV,
    recheckMs: config.indexRecheckMs,
    accept: (index) => {
      if (index.model !== config.model || (config.dim !== null && index.dim !== config.dim)) {
        return new IndexUnavailableError(
          "model_mismatch",
          `The index was built with ${index.model} (${index.dim} dimensions) but this Worker embeds queries with ${config.model}${config.dim ? ` (${config.dim} dimensions)` : ""}.`,
        );
      }
      return null;
    },
  });
}
