/**
 * The CLIs for several collections, against local KV and D1 as `npm start`
 * leaves them: seed and roll back one collection, and make, list and revoke
 * a collection token. A collection too large for a Worker is refused at seed time.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLocalKv } from "../../scripts/kv/local-kv";
import { applyLocalMigrations } from "../../scripts/lib/apply-local-migrations";
import { checkFitsIndexMemory } from "../../scripts/seed/fits-index-memory";
import { withD1 } from "../../scripts/inbox/d1-database";
import { INDEX_MEMORY_BUDGET } from "../../src/index-store/index-cache";
import { POINTER_KEY } from "../../src/index-store/keys";
import { sha256Hex } from "../../src/sha256-hex";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { runScript, summaryLine } from "./helpers";

let dir: string;
let stub: StubEmbedder;
const STUB_ENV = () => ({ HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8" });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-collections-cli-"));
  stub = await startStubEmbedder(8);
  await applyLocalMigrations(dir);
  await writeFile(join(dir, "de.jsonl"), [{ id: "de-1", question: "Wie setze ich mein Passwort zurück?" }, { id: "de-2", question: "Wo finde ich meine Rechnungen?" }].map((f) => JSON.stringify(f)).join("\n") + "\n");
  await writeFile(join(dir, "de-2.jsonl"), [{ id: "de-1", question: "Wie setze ich mein Passwort zurück, bitte?" }].map((f) => JSON.stringify(f)).join("\n") + "\n");
});
afterAll(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const seed = (input: string, extra: string[] = []) => runScript("scripts/seed.ts", [
  "--input", join(dir, input), "--embedder", "hf", "--kv", "local", "--persist-to", dir, "--out", join(dir, "build"), "--no-calibrate", "--cache", join(dir, "cache"), ...extra,
], STUB_ENV());
const pointerOf = (key: string) => withLocalKv({ configPath: "wrangler.toml", persistTo: dir }, async (store) => {
  const text = await store.getText(key);
  return text === null ? null : (JSON.parse(text) as { version: string; count: number });
});

describe.sequential("collections from the command line", () => {
  it("seeds a named collection under its own keys, with its origins, leaving the default collection empty", async () => {
    const result = await seed("de.jsonl", ["--collection", "help-de", "--allowed-origins", "https://de.example, https://help.example"]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toMatchObject({ collection: "help-de", faqs: 2, kv: "local" });
    expect(await pointerOf("collections/pointer/help-de")).toMatchObject({ count: 2 });
    expect(await pointerOf(POINTER_KEY)).toBeNull();
  });

  it("rolls back one collection", async () => {
    const first = await pointerOf("collections/pointer/help-de");
    expect((await seed("de-2.jsonl", ["--collection", "help-de"])).code).toBe(0);
    const result = await runScript("scripts/rollback.ts", ["--collection", "help-de", "--persist-to", dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(summaryLine(result.stdout)).toMatchObject({ to: first!.version, collection: "help-de" });
    expect((await pointerOf("collections/pointer/help-de"))!.version).toBe(first!.version);
  });

  it("refuses a malformed collection name with exit 2", async () => {
    const result = await seed("de.jsonl", ["--collection", "Help_DE"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("seed: --collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
  });

  it("makes, lists and revokes a collection token, storing only its hash", async () => {
    const created = await runScript("scripts/admin.ts", ["token", "create", "--collection", "help-de", "--persist-to", dir]);
    expect(created.code, created.stderr).toBe(0);
    const { id, token, collection } = summaryLine(created.stdout) as { id: string; token: string; collection: string };
    expect(collection).toBe("help-de");
    expect(token).toMatch(/^faqedge_[A-Za-z0-9_-]{43}$/);
    const local = { target: "local", configPath: "wrangler.toml", persistTo: dir } as const;
    const rows = (await withD1(local, (db) => db.prepare("SELECT id, collection, token_hash, revoked_at FROM admin_tokens").all())).results;
    expect(rows).toEqual([{ id, collection: "help-de", token_hash: await sha256Hex(token), revoked_at: null }]);

    const listed = summaryLine((await runScript("scripts/admin.ts", ["token", "list", "--persist-to", dir])).stdout) as { tokens: Array<Record<string, unknown>> };
    expect(listed.tokens).toEqual([{ id, collection: "help-de", createdAt: expect.any(String), revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = await runScript("scripts/admin.ts", ["token", "revoke", id, "--persist-to", dir]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const after = await withD1(local, (db) => db.prepare("SELECT revoked_at FROM admin_tokens").all<{ revoked_at: number | null }>());
    expect(after.results[0]!.revoked_at).toEqual(expect.any(Number));
    const again = await runScript("scripts/admin.ts", ["token", "revoke", id, "--persist-to", dir]);
    expect([again.code, again.stderr.split("\n")[0]]).toEqual([2, `admin: no live token has the id ${id}`]);
  }, 60_000); // four admin processes, each starting the local runtime for D1, on a shared 2-core machine
});

describe.sequential("drafts: from the dashboard to the next index", () => {
  it("exports a collection's drafts as FAQs, and seeds them into the next index with --with-drafts", async () => {
    await withD1({ target: "local", configPath: "wrangler.toml", persistTo: dir }, async (db) => {
      await db.prepare("INSERT INTO drafts (collection, question, answer, group_key, created_at, updated_at) VALUES ('help-de', 'Darf ich meinen Hund mitbringen?', 'Nur Blindenhunde.', NULL, 1, 1)").run();
      await db.prepare("INSERT INTO drafts (collection, question, answer, group_key, created_at, updated_at) VALUES ('default', 'Another collection', 'Not this one.', NULL, 2, 2)").run();
    });
    const file = join(dir, "drafts.jsonl");
    const exported = await runScript("scripts/inbox.ts", ["--persist-to", dir, "--collection", "help-de", "--export-drafts", file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(`wrote 1 drafted FAQs to ${file}`);
    const lines = (await readFile(file, "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([{ id: "draft-1", question: "Darf ich meinen Hund mitbringen?", answer: "Nur Blindenhunde.", url: null, category: null }]);

    const seeded = await seed("de.jsonl", ["--collection", "help-de", "--with-drafts"]);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stderr).toContain("added 1 drafted FAQs of the collection help-de");
    expect(summaryLine(seeded.stdout)).toMatchObject({ faqs: 3, collection: "help-de" });
  }, 60_000); // the inbox export and a seed that embeds, on a shared 2-core machine
});

describe("the index memory a collection needs", () => {
  const pointer = (bytes: number) => ({ version: "0".repeat(32), model: "m", dim: 384, count: 10, builtAt: "t", bytes, chunks: 1 });
  it("lets a collection through that a Worker can load, and refuses one over the budget at seed time", () => {
    expect(() => checkFitsIndexMemory(pointer(10 * 2 ** 20))).not.toThrow();
    expect(() => checkFitsIndexMemory(pointer(INDEX_MEMORY_BUDGET))).toThrow(/needs 1\d\d\.\d MiB of a Worker's index memory, over its budget of 100 MiB: store int8 vectors/);
  });
});
