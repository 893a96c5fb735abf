/**
 * npm run seed -- --from-page with the fixture pages of hand-made and CMS FAQ
 * markup (test/fixtures/faq-pages), read as local files: --dry-run names the
 * rule that found each page's FAQs, and --question-selector/--answer-selector
 * read markup no rule does, end to end with a stub embedder.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubEmbedder, type StubEmbedder } from "../stand-ins/stub-embedder";
import { runScript, summaryLine } from "./helpers";

let stub: StubEmbedder;
let dir: string;

beforeAll(async () => {
  stub = await startStubEmbedder(8);
  dir = await mkdtemp(join(tmpdir(), "faq-markup-"));
});

afterAll(async () => {
  await stub.close();
  await rm(dir, { recursive: true, force: true });
});

const fixture = (name: string) => resolve("test/fixtures/faq-pages", name);
const pages = (...names: string[]) => names.flatMap((name) => ["--from-page", fixture(name)]);
const seed = (...args: string[]) => runScript("scripts/seed.ts", [...args, "--embedder", "hf", "--no-calibrate", "--max-retries", "0", "--cache", join(dir, "cache")], {
  HF_ENDPOINT_URL: stub.url, EMBED_MODEL: "test/stub-model", EMBED_DIM: "8",
});
const hashId = (pageUrl: string, question: string) => createHash("sha256").update(`${pageUrl}\n${question}`).digest("hex").slice(0, 12);
const LOOKED_FOR = "FAQPage JSON-LD or microdata, <details>, <dl>, ARIA accordions, headings that ask";

describe("npm run seed -- --from-page, pages without structured data", () => {
  it("--dry-run shows, page by page, the rule that found the FAQs", async () => {
    const { code, stderr } = await seed(...pages(
      "bootstrap4-accordion.html", "bootstrap5-accordion.html", "bootstrap4-headings.html", "faq-item-cards.html", "yoast-faq-block.html",
      "gutenberg-details.html", "rank-math-faq.html", "zendesk-article.html", "definition-list.html", "zendesk-section.html", "blog-post.html",
    ), "--out", join(dir, "never"), "--dry-run");
    expect(code).toBe(0);
    const lines = stderr.split("\n");
    expect(lines.filter((line) => /^(https?:|  found by )/.test(line))).toEqual([
      "https://brightside-dental.example/faq:", "  found by aria-accordion: 3 FAQs",
      "https://riverside-climbing.example/faq:", "  found by aria-accordion: 3 FAQs",
      "https://fixit-repair.example/questions:", "  found by question-headings: 4 FAQs",
      "https://greenthumb.example/faq:", "  found by question-headings: 4 FAQs",
      "https://sunnyside-camping.example/faq/:", "  found by question-headings: 3 FAQs",
      "https://woodshed.example/workshops-faq/:", "  found by details: 2 FAQs",
      "https://aurora-audio.example/headphones-faq/:", "  found by question-headings: 3 FAQs",
      "https://support.acme.example/hc/en-us/articles/200-Billing-FAQ:", "  found by question-headings: 4 FAQs",
      "https://northside-friends.example/membership:", "  found by definition-list: 3 FAQs",
    ]);
    const membership = lines.slice(lines.indexOf("https://northside-friends.example/membership:"));
    expect(membership.slice(2, 5)).toEqual(["How do I join?", "What does membership cost?", "Can I bring a guest to events?"]
      .map((question) => `  + ${hashId("https://northside-friends.example/membership", question)}: ${question}`));
    expect(lines.filter((line) => line.startsWith("failed: "))).toEqual([
      `failed: https://support.acme.example/hc/en-us/sections/360001: no FAQ found (looked for ${LOOKED_FOR})`,
      `failed: https://pixelpine.example/blog/four-day-week: no FAQ found (looked for ${LOOKED_FOR})`,
    ]);
    expect(lines).toContain("29 added, 0 changed, 0 removed, 0 unchanged; 29 to embed; nothing was written");
    expect(stub.calls).toEqual([]);
    await expect(readdir(join(dir, "never"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("npm run seed -- --question-selector CSS --answer-selector CSS", () => {
  const selectors = ["--question-selector", ".q", "--answer-selector", ".a"];

  it("reads the selectors' FAQs first, leaves other pages to the rules, and names both in --dry-run", async () => {
    const dry = await seed(...pages("custom-markup.html", "bootstrap5-accordion.html", "plain-headings.html"), ...selectors, "--out", join(dir, "selectors"), "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stderr.split("\n").filter((line) => /^(https?:|  found by |read |failed: )/.test(line))).toEqual([
      "read 3 FAQs from https://tidewater-ferries.example/help (selectors)",
      "read 3 FAQs from https://riverside-climbing.example/faq (aria-accordion)",
      `failed: https://harbour-web.example/: no FAQ found (looked for the selectors, ${LOOKED_FOR})`,
      "https://tidewater-ferries.example/help:", "  found by selectors: 3 FAQs",
      "https://riverside-climbing.example/faq:", "  found by aria-accordion: 3 FAQs",
    ]);

    const out = join(dir, "selectors");
    const { code, stdout } = await seed(...pages("custom-markup.html"), ...selectors, "--out", out);
    expect(code).toBe(0);
    expect(summaryLine(stdout)).toMatchObject({ faqs: 3, embedded: 3 });
    const page = "https://tidewater-ferries.example/help";
    const records = (await readFile(join(out, "faqs.jsonl"), "utf8")).trim().split("\n").map((line) => JSON.parse(line));
    expect(records).toEqual([
      { id: hashId(page, "Tickets on board"), question: "Tickets on board", answer: "You can buy tickets on board with a card. Cash is not accepted.", url: `${page}#tickets`, category: "Help – Tidewater Ferries" },
      { id: hashId(page, "Taking a car"), question: "Taking a car", answer: "Cars must be booked ahead.\nArrive 30 minutes before sailing.", url: `${page}#cars`, category: "Help – Tidewater Ferries" },
      { id: hashId(page, "Pets on the ferry"), question: "Pets on the ferry", answer: "Dogs travel free on the outer deck.", url: page, category: "Help – Tidewater Ferries" },
    ]);
  }, 60_000); // two seed processes, one of them embedding, on a shared 2-core machine

  it("fails a page whose matches do not pair, with the counts and the question left without an answer", async () => {
    const { code, stderr } = await seed(...pages("custom-markup.html"), "--question-selector", ".q", "--answer-selector", ".a p", "--out", join(dir, "unpaired"));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      'failed: https://tidewater-ferries.example/help: --question-selector matched 3, --answer-selector 2: question 1 ("Tickets on board") has no answer before the next question',
      "seed: no FAQ found on any page (1 failed); nothing was written",
    ]);
  });

  it("stops with exit 2 and one line for a selector linkedom cannot read", async () => {
    const { code, stdout, stderr } = await seed(...pages("custom-markup.html"), "--question-selector", ".qa >> .q", "--answer-selector", ".a", "--out", join(dir, "bad"));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe('seed: --question-selector ".qa >> .q" is not a CSS selector linkedom can read (Did not expect successive traversals)');
  });
});
