import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { parseCollectionParam } from "../api/collection-param";
import { DEFAULT_COLLECTION } from "../collections/collection-name";
import { findCollection } from "../collections/find-collection";
import { IndexUnavailableError } from "../errors";
import { inboxEnabled } from "../inbox/defer-write";
import { isolate } from "../isolate";
import { scorerFor } from "../search/semantic-scorer";
import { kernelModule } from "../search/wasm/kernel-module";

/** GET /health?collection= : which index this isolate serves for a collection (default: default), or why it serves none (503). */
export const healthRoute = new Hono<AppEnv>().get("/", async (c) => {
  // what this isolate serves and has written, now: a cached copy would be another isolate's or an older moment's
  c.header("Cache-Control", "no-store");
  // an empty collection= is the default one, as on /faq (faq-query.ts); only the owner's routes refuse it
  const name = parseCollectionParam(c.req.query("collection") || undefined) ?? DEFAULT_COLLECTION;
  const services = isolate();
  // Index memory of every collection of this isolate: the names are not told, they may be a client list.
  const indexMemory = () => ({ ...services.indexMemory.use(), collectionsLoaded: services.collections.loaded().length });
  try {
    const lease = await findCollection({ collections: services.collections, kv: c.env.FAQ_KV, config: c.get("config"), name });
    try {
      const { index } = lease;
      const { problem, pointer } = services.collections.cacheOf(name)?.status() ?? { problem: null, pointer: null };
      return c.json({
        status: "ok",
        collection: name,
        version: index.version,
        model: index.model,
        dim: index.dim,
        count: index.count,
        // the pointer's: a blob records no build time since versions are reproducible
        builtAt: pointer?.builtAt || index.builtAt,
        vectors: index.matrix ? "f32" : "int8",
        // which loop ranks: the SIMD kernel, or the JS fallback where WebAssembly cannot run
        kernel: scorerFor(index, kernelModule).kernel,
        bytes: index.bytes.length,
        // A newer version exists but was refused; the one above is still served.
        latestRejected: problem ? { code: problem.code, message: problem.message } : null,
        // Inbox writes happen after answers are sent: what became of them shows only here (and in the logs).
        inbox: { logging: inboxEnabled(c), ...services.inbox.counts() },
        indexMemory: indexMemory(),
      });
    } finally {
      lease.release();
    }
  } catch (error) {
    if (!(error instanceof IndexUnavailableError)) throw error;
    return c.json({ status: error.code, collection: name, error: { code: error.code, message: error.message }, indexMemory: indexMemory() }, 503);
  }
});
