/**
 * The scripts open the local KV and D1 themselves (scripts/lib/local-bindings.ts);
 * what they write must be what `wrangler dev` reads, so wrangler's own platform
 * proxy is the judge here.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { localStoreIds, withLocalBindings } from "../../scripts/lib/local-bindings";

const PREVIEW_IDS = `[[kv_namespaces]]\nbinding = "FAQ_KV"\nid = "prod-kv"\npreview_id = "dev-kv"\n[[d1_databases]]\nbinding = "FAQ_DB"\ndatabase_name = "x"\ndatabase_id = "prod-db"\npreview_database_id = "dev-db"\n`;

const configIn = async (toml: string) => {
  const dir = await mkdtemp(join(tmpdir(), "faq-bindings-"));
  await writeFile(join(dir, "wrangler.toml"), toml);
  return join(dir, "wrangler.toml");
};

describe("the local stores of wrangler.toml's bindings", () => {
  it("are named as wrangler names them: the preview id, else the id, else the binding", async () => {
    expect(await localStoreIds("wrangler.toml")).toEqual({ kv: "faq-edge-local", d1: "faq-edge-local" });
    expect(await localStoreIds(await configIn(PREVIEW_IDS))).toEqual({ kv: "dev-kv", d1: "dev-db" });
    const bare = await configIn(`[[kv_namespaces]]\nbinding = "OTHER"\nid = "o"\n[[kv_namespaces]]\nbinding = "FAQ_KV"\n`);
    expect(await localStoreIds(bare)).toEqual({ kv: "FAQ_KV", d1: null });
  });

  it("refuses a configuration without FAQ_KV, or one it cannot read, by name", async () => {
    const noKv = await configIn(`name = "x"\n`);
    await expect(localStoreIds(noKv)).rejects.toThrow(`${noKv} has no KV namespace bound as FAQ_KV`);
    await expect(localStoreIds("/nonexistent/wrangler.toml")).rejects.toThrow("cannot read the wrangler configuration /nonexistent/wrangler.toml");
    await expect(localStoreIds("wrangler.jsonc")).rejects.toThrow("the wrangler configuration must be a .toml file (got wrangler.jsonc)");
  });

  it.each([
    ["the project's wrangler.toml", async () => "wrangler.toml"],
    ["a configuration with preview ids", () => configIn(PREVIEW_IDS)],
  ])("writes KV and D1 where wrangler's platform proxy (as wrangler dev) reads them: %s", async (_, config) => {
    const configPath = await config();
    const persistTo = await mkdtemp(join(tmpdir(), "faq-bindings-state-"));
    await withLocalBindings({ configPath, persistTo }, async (env) => {
      await env.FAQ_KV.put("greeting", "hello");
      await env.FAQ_DB!.exec("CREATE TABLE notes (text TEXT)");
      await env.FAQ_DB!.prepare("INSERT INTO notes VALUES (?)").bind("kept").run();
    });
    const { getPlatformProxy } = await import("wrangler");
    const { env, dispose } = await getPlatformProxy<{ FAQ_KV: KVNamespace; FAQ_DB: D1Database }>({ configPath, persist: { path: `${persistTo}/v3` } });
    try {
      expect(await env.FAQ_KV.get("greeting")).toBe("hello");
      expect((await env.FAQ_DB.prepare("SELECT text FROM notes").all()).results).toEqual([{ text: "kept" }]);
    } finally {
      await dispose();
    }
  }, 60_000);
});
