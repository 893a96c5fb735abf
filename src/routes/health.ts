import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { IndexUnavailableError } from "../errors";
import { inboxEnabled } from "../inbox/defer-write";
import { inboxWriteFailures } from "../inbox/write-failures";
import { isolateIndexCache, servingIndex } from "../index-store/serving-index";
import { scorerFor } from "../search/semantic-scorer";
import { kernelModule } from "../search/wasm/kernel-module";

/** GET /health : which index this isolate serves, or why it serves none (503). */
export const healthRoute = new Hono<AppEnv>().get("/", async (c) => {
  try {
    const index = await servingIndex(c);
    const { problem, pointer } = isolateIndexCache.status();
    return c.json({
      status: "ok",
      version: index.version,
      model: index.model,
      dim: index.dim,
      count: index.count,
      builtAt: pointer?.builtAt || index.builtAt,
      vectors: index.matrix ? "f32" : "int8",
      // which loop ranks: the SIMD kernel, or the JS fallback where WebAssembly cannot run
      kernel: scorerFor(index, kernelModule).kernel,
      bytes: index.bytes.length,
      // A newer version exists but was refused; the one above is still served.
      latestRejected: problem ? { code: problem.code, message: problem.message } : null,
      // Inbox writes happen after answers are sent: failures show up only here (and in the logs).
      inbox: { logging: inboxEnabled(c), failedWrites: inboxWriteFailures.count() },
    });
  } catch (error) {
    if (!(error instanceof IndexUnavailableError)) throw error;
    return c.json({ status: error.code, error: { code: error.code, message: error.message } }, 503);
  }
});
