/**
 * FAQs in German, Japanese and Chinese, in lexical mode: the seed detects
 * that they are not English (no English stemming), scripts without spaces
 * are cut into bigrams, and each question finds its FAQ by words alone.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { rankFaqs } from "../../src/search/rank";
import { runScript, summaryLine } from "./helpers";

let index: FaqIndex;
let english: FaqIndex;
let englishWithSynonyms: FaqIndex;

async function seedFixture(input: string, out: string, extra: string[] = []) {
  const result = await runScript("scripts/seed.ts", ["--input", input, "--out", out, ...extra]);
  expect(result.code, result.stderr).toBe(0);
  const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
  return { index: await decodeIndex(new Uint8Array(await readFile(join(out, manifest.files.blob)))), manifest, summary: summaryLine(result.stdout) };
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "faq-languages-"));
  ({ index } = await seedFixture("test/data/multilingual-faqs.jsonl", join(dir, "auto")));
  // the bundled calibration FAQs: English, and FAQ 9 is "Can I get a refund?"
  ({ index: english } = await seedFixture("data/calibration/faqs.jsonl", join(dir, "plain")));
  ({ index: englishWithSynonyms } = await seedFixture("data/calibration/faqs.jsonl", join(dir, "synonyms"), ["--synonyms", "data/synonyms.example.json"]));
}, 180_000);

const lexical = (on: FaqIndex, query: string) =>
  rankFaqs(on, { mode: "lexical", query, queryVector: null, k: 3, category: null }).map((hit) => on.record(hit.index).id);

describe("FAQs in other languages, by words alone", () => {
  it("detects that the FAQs are not English and stores that in the index", () => {
    expect(index.lexical.language).toBe("none");
  });

  it.each([
    ["Passwort zurücksetzen", "de-1"],
    ["Passwort vergessen, was tun?", "de-1"],
    ["Wann kommt meine Bestellung?", "de-2"],
    ["Abonnement kündigen", "de-3"],
    ["パスワードを忘れました", "ja-1"],
    ["商品はいつ届く", "ja-2"],
    ["解約したい", "ja-3"],
    ["忘记密码怎么办", "zh-1"],
    ["我的订单什么时候到", "zh-2"],
    ["取消订阅", "zh-3"],
  ])("%s finds %s first", (query, id) => {
    expect(lexical(index, query)[0]).toBe(id);
  });
});

describe("synonyms from a file", () => {
  it("stores the groups in the index, cut into terms as the FAQs are", () => {
    expect(english.lexical.language).toBe("en");
    expect(englishWithSynonyms.lexical.synonyms).toContainEqual([["refund"], ["money", "back"], ["reimburs"]]);
  });

  it("changes the ranking where a group applies, and nowhere else", () => {
    expect(lexical(english, "reimbursement")).toEqual([]);
    expect(lexical(englishWithSynonyms, "reimbursement")[0]).toBe("9");
    expect(lexical(englishWithSynonyms, "money back for my order")[0]).toBe("9");
    expect(lexical(englishWithSynonyms, "track my order")).toEqual(lexical(english, "track my order"));
  });
});
