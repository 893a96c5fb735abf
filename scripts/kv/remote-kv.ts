import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runWrangler } from "../lib/run-wrangler";
import type { KvStore } from "./kv-store";

/** Stops before any remote write when there is no API token: better than a half-published version. */
export function requireCloudflareToken(env: NodeJS.ProcessEnv): void {
  if (!env.CLOUDFLARE_API_TOKEN?.trim()) {
    throw new Error("--kv remote needs CLOUDFLARE_API_TOKEN in the environment (a token with Workers KV Storage: Edit); nothing was written");
  }
}

/**
 * The real namespace through wrangler's CLI (`wrangler kv key ...`), so the
 * account's login or CLOUDFLARE_API_TOKEN is handled by wrangler itself.
 * With `verbose`, every command is printed before it runs.
 */
export async function withRemoteKv<T>(configPath: string, verbose: boolean, use: (store: KvStore) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "faq-edge-kv-"));
  const common = ["--binding", "FAQ_KV", "--remote", "--config", configPath];
  let files = 0;
  const get = async (key: string) => {
    try {
      return await runWrangler(["kv", "key", "get", key, ...common], { verbose });
    } catch {
      return null; // wrangler exits non-zero for a missing key
    }
  };
  const store: KvStore = {
    getBytes: async (key) => {
      const value = await get(key);
      return value ? new Uint8Array(value) : null;
    },
    getText: async (key) => (await get(key))?.toString("utf8") ?? null,
    put: async (key, value) => {
      const path = join(dir, `value-${++files}`);
      await writeFile(path, typeof value === "string" || value instanceof Uint8Array ? value : new Uint8Array(value));
      await runWrangler(["kv", "key", "put", key, "--path", path, ...common], { verbose });
    },
    delete: async (key) => {
      await runWrangler(["kv", "key", "delete", key, ...common], { verbose });
    },
  };
  try {
    return await use(store);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
