/**
 * bench/handler-worker imports the whole app, so wrangler must read the same
 * modules as text there as in the Worker's own wrangler.toml; a glob missing
 * there broke `npm run bench:e2e` when the dashboard's modules arrived.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const textGlobs = async (path: string) => {
  const toml = await readFile(path, "utf8");
  const rule = /\[\[rules\]\]\s*type = "Text"\s*globs = (\[[^\]]*\])/.exec(toml);
  if (!rule) throw new Error(`${path} has no Text rule`);
  return JSON.parse(rule[1]!) as string[];
};

describe("bench/handler-worker/wrangler.toml", () => {
  it("reads the same modules as text as the Worker", async () => {
    const worker = await textGlobs("wrangler.toml");
    expect(worker).toContain("**/*.dashboard.js");
    expect(await textGlobs("bench/handler-worker/wrangler.toml")).toEqual(worker);
  });
});
