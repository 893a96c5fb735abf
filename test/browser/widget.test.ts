/**
 * The widget in a real browser (Debian's Chromium through playwright-core):
 * a page on another origin embeds <faq-search> with one script tag, types the
 * tutorial's question, reads the ranked results, moves through them with the
 * keyboard; a page on an origin not in ALLOWED_ORIGINS cannot fetch at all.
 * Pages of a second site ask a second collection, help-de, by name or by the
 * page's language, and fall back to the default collection.
 * Screenshots go to test-artifacts/.
 */
import type { ChildProcess } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { browserForTests, seedDemoStack } from "./browser-stack";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { startWranglerDev, type RunningWorker } from "../../scripts/lib/wrangler-dev";
import { freePort, startInferenceProcess } from "../node/helpers";

const ARTIFACTS = "test-artifacts";
const ADMIN_TOKEN = "browser-test-admin-token-0123456789";

const browserTests = browserForTests("widget");
const { describeWithBrowser } = browserTests;
let persistTo: string;
let inference: { url: string; child: ChildProcess };
let worker: RunningWorker;
let browser: Browser;
const servers: Server[] = [];

/** Serves one HTML page on its own port: its own origin. */
async function servePage(html: string): Promise<string> {
  const port = await freePort();
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

/** Serves several HTML pages on one port, by path; any other path is a 404. */
async function servePages(pages: Record<string, string>): Promise<string> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const html = pages[req.url ?? ""];
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "text/html" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

/** The second collection: ids that no FAQ of the demo has. */
const HELP_DE = [
  { id: "de-1", question: "Wie bekomme ich eine neue Versichertenkarte?", answer: "Melden Sie sich in Ihrem Konto an und bestellen Sie dort eine neue Karte.", url: "https://help.example/de/karte" },
  { id: "de-2", question: "Wie hoch ist der monatliche Beitrag?", answer: "Der Beitrag wird jedes Jahr neu festgelegt.", url: "https://help.example/de/beitrag" },
  { id: "de-3", question: "Wie ändere ich meine Adresse?", answer: "Ändern Sie Ihre Adresse in Ihrem Konto unter Einstellungen.", url: "https://help.example/de/adresse" },
];
const GERMAN_QUESTION = "Wie ändere ich meine Adresse?";

let sitePage: string;
let otherPage: string;
/** The origin of the pages that choose a collection (collectionPages). */
let collectionSite: string;

describeWithBrowser("<faq-search> in Chromium", () => {
  beforeAll(async () => {
    browserTests.requireBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
    persistTo = await seedDemoStack("faq-browser-", HELP_DE);
    inference = await startInferenceProcess();
    const workerPort = await freePort();
    const workerUrl = `http://127.0.0.1:${workerPort}`;
    sitePage = await servePage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help centre</title>
  <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}faq-search{--faq-accent:#8250df}</style></head>
  <body><h1>Help centre</h1><faq-search endpoint="${workerUrl}" fallback-href="/contact" fallback-text="Ask a person"></faq-search>
  <script src="${workerUrl}/widget.js"></script></body></html>`);
    otherPage = await servePage("<!doctype html><title>Elsewhere</title><p>not on the list</p>");
    const collectionPage = (htmlAttributes: string, widgetAttributes: string) => `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8"><title>Hilfe</title></head>
  <body><faq-search endpoint="${workerUrl}" fallback-href="/contact" fallback-text="Ask a person" ${widgetAttributes}></faq-search>
  <script src="${workerUrl}/widget.js"></script></body></html>`;
    collectionSite = await servePages({
      "/named": collectionPage(' lang="en"', 'collection="help-de"'),
      "/de-at": collectionPage(' lang="de-AT"', 'collection="help-{lang}"'),
      "/fr": collectionPage(' lang="fr"', 'collection="help-{lang}" collection-fallback="default"'),
      "/fr-alone": collectionPage(' lang="fr"', 'collection="help-{lang}"'),
      "/no-lang": collectionPage("", 'collection="help-{lang}" collection-fallback="default"'),
    });
    worker = await startWranglerDev({
      port: workerPort,
      persistTo,
      output: "ignore",
      vars: { HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM), ALLOWED_ORIGINS: `${sitePage},${collectionSite}` },
      secrets: { ADMIN_TOKEN },
    });
    browser = await browserTests.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    inference?.child.kill();
    for (const server of servers) server.close();
    await rm(persistTo, { recursive: true, force: true });
  });

  const optionIds = (page: Page) => page.locator("faq-search li[role=option]").evaluateAll((items) => items.map((li) => li.getAttribute("data-id")));
  const input = (page: Page) => page.locator("faq-search input[role=combobox]");
  /** Opens the site page with its clock stopped: the widget's timers then run only by page.clock.runFor. */
  const openWithClockStopped = async (page: Page) => {
    await page.clock.install();
    await page.goto(sitePage);
    await page.clock.pauseAt(Date.now() + 60_000); // a time ahead of the page's: pausing cannot go back
  };
  /** The collection parameter of each /faq request the page makes, in order (null: none). */
  const collectionsAsked = (page: Page) => {
    const asked: Array<string | null> = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/faq") asked.push(url.searchParams.get("collection"));
    });
    return asked;
  };
  /** The ids the Worker answers for a question by meaning and words, as the widget asks it once typing pauses. */
  const answerIds = async (q: string, collection?: string) => {
    const response = await fetch(`${worker.url}/faq?k=5&mode=hybrid&q=${encodeURIComponent(q)}${collection ? `&collection=${collection}` : ""}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id);
  };

  it("shows the ranked answers for a typed question and moves through them with the keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(sitePage);
    await input(page).click();
    await input(page).pressSequentially("How can Medicare help me?", { delay: 20 });
    // Answers to half-typed questions may show first: wait for the whole question's answer.
    await expect.poll(async () => (await optionIds(page)).slice(0, 3), { timeout: 15_000 }).toEqual(["8", "7", "3"]);
    expect(await optionIds(page)).toHaveLength(5);
    await expect.poll(() => input(page).getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: join(ARTIFACTS, "widget-results.png") });

    const options = page.locator("faq-search li[role=option]");
    await page.keyboard.press("ArrowDown");
    expect(await input(page).getAttribute("aria-activedescendant")).toBe(await options.nth(0).getAttribute("id"));
    expect(await options.nth(0).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowDown");
    expect(await options.nth(1).getAttribute("aria-selected")).toBe("true");
    expect(await options.nth(0).getAttribute("aria-selected")).toBe("false");
    await page.keyboard.press("ArrowUp");
    expect(await input(page).getAttribute("aria-activedescendant")).toBe(await options.nth(0).getAttribute("id"));
    await page.keyboard.press("Enter");
    expect(await options.nth(0).getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: join(ARTIFACTS, "widget-keyboard.png") });
    await page.keyboard.press("Escape");
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("faq-search ul[role=listbox]").isHidden()).toBe(true);
    await page.close();
  });

  it("asks whether an opened answer helped, and the owner finds the visitor's No in /admin/feedback", async () => {
    // tall enough for the whole widget: this screenshot is docs/widget.png
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(sitePage);
    // A question the demo answers (answered: true), and its answer by meaning awaited before the
    // click: opened earlier, the words' answer would stay, and whether the widget says "These may
    // not answer your question" would depend on how fast this machine is.
    const question = "How do I get a new Medicare card?";
    const byMeaning = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === "/faq" && url.searchParams.get("mode") === "hybrid" && url.searchParams.get("q") === question;
    }, { timeout: 15_000 });
    await input(page).click();
    await input(page).pressSequentially(question, { delay: 20 });
    expect((await (await byMeaning).json()).answered).toBe(true);
    await expect.poll(async () => (await optionIds(page))[0], { timeout: 15_000 }).toBe("0");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // the widget has read the answer
    const feedback = page.locator("faq-search .fb");
    const faqStats = async () => {
      const response = await fetch(`${worker.url}/admin/stats`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      const faq = ((await response.json()) as { faqs: Array<{ id: string; opened: number; unhelpful: number }> }).faqs.find((f) => f.id === "0");
      return { opened: faq?.opened ?? 0, unhelpful: faq?.unhelpful ?? 0 };
    };
    const before = await faqStats();
    expect(await feedback.isHidden()).toBe(true); // nothing opened yet
    await page.locator("faq-search li[role=option]").nth(0).click();
    expect(await feedback.isVisible()).toBe(true);
    expect(await page.locator("faq-search #" + (await feedback.getAttribute("aria-labelledby"))).textContent()).toBe("Did this answer your question?");
    // by keyboard: Tab from the search box reaches the opened answer's link, then Yes, then No
    await input(page).focus();
    const focused: Array<string | null | undefined> = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      focused.push(await page.locator("faq-search").evaluate((host) => host.shadowRoot?.activeElement?.textContent?.trim()));
    }
    expect(focused).toEqual(["Read more", "Yes", "No"]);
    await page.keyboard.press("Enter");
    const status = feedback.locator("[role=status]");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("Thank you for telling us.");
    expect(await feedback.getByRole("button", { name: "No" }).getAttribute("aria-pressed")).toBe("true");
    await page.screenshot({ path: join(ARTIFACTS, "widget-feedback.png") });

    // written after the answer was sent: poll until it is there
    const listed = async () => {
      const response = await fetch(`${worker.url}/admin/feedback`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      return ((await response.json()) as { feedback: Array<{ query: string; id: string; helpful: boolean }> }).feedback
        .map(({ query, id, helpful }) => ({ query, id, helpful }));
    };
    await expect.poll(listed, { timeout: 10_000 }).toEqual([{ query: question, id: "0", helpful: false }]);
    // the owner's dashboard counts the opening and the No of that answer (an earlier test may have opened it too)
    await expect.poll(faqStats, { timeout: 10_000 }).toEqual({ opened: before.opened + 1, unhelpful: before.unhelpful + 1 });
    await page.close();
  });

  it("hides the feedback question with feedback=\"off\"", async () => {
    const page = await browser.newPage();
    await page.goto(sitePage);
    await page.locator("faq-search").evaluate((host) => host.setAttribute("feedback", "off"));
    await input(page).fill("How can Medicare help me?");
    await expect.poll(async () => (await optionIds(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator("faq-search li[role=option]").nth(0).click();
    expect(await page.locator("faq-search li[role=option]").nth(0).getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("faq-search .fb").isHidden()).toBe(true);
    await page.close();
  });

  it("keeps a pressed result in place when the answer by meaning arrives between press and release", async () => {
    const page = await browser.newPage();
    const result = (id: string) => ({ id, question: `question ${id}`, answer: "an answer", url: null, category: null, score: 0.5, scores: { semantic: 0.5, lexical: 1 } });
    const body = (mode: string, ids: string[]) => JSON.stringify({ query: "card", model: "m", mode, degraded: false, answered: true, results: ids.map(result) });
    let releaseHybrid!: () => void;
    const hybridHeld = new Promise<void>((resolve) => (releaseHybrid = resolve));
    let hybridAsked!: () => void;
    const hybridArrived = new Promise<void>((resolve) => (hybridAsked = resolve));
    await page.route(`${worker.url}/faq**`, async (route) => {
      const mode = new URL(route.request().url()).searchParams.get("mode");
      if (mode === "hybrid") {
        hybridAsked();
        await hybridHeld;
      }
      await route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: body(mode ?? "hybrid", mode === "lexical" ? ["a", "b"] : ["c", "a"]) });
    });
    await page.goto(sitePage);
    await input(page).fill("card");
    await expect.poll(() => optionIds(page), { timeout: 10_000 }).toEqual(["a", "b"]);
    const box = (await page.locator("faq-search li[role=option]").nth(0).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await hybridArrived;
    const answered = page.waitForResponse((response) => response.url().includes("mode=hybrid"));
    releaseHybrid();
    await answered;
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // the widget has read the answer
    await page.mouse.up();
    expect(await optionIds(page)).toEqual(["a", "b"]);
    expect(await page.locator("faq-search li[role=option]").nth(0).getAttribute("aria-expanded")).toBe("true");
    await page.close();
  });

  it("keeps an opened result when the answers for the whole question come after it, and rates the question as typed", async () => {
    const page = await browser.newPage();
    const result = (id: string) => ({ id, question: `question ${id}`, answer: "an answer", url: null, category: null, score: 0.5, scores: { semantic: 0.5, lexical: 1 } });
    const body = (q: string, mode: string, ids: string[]) => JSON.stringify({ query: q, model: "m", mode, degraded: false, answered: true, results: ids.map(result) });
    let releaseWords!: () => void;
    const wordsHeld = new Promise<void>((resolve) => (releaseWords = resolve));
    await page.route(`${worker.url}/faq**`, async (route) => {
      const params = new URL(route.request().url()).searchParams;
      const [q, mode] = [params.get("q")!, params.get("mode")!];
      // "card" is answered at once; the words answer for the whole question is held until the click
      if (q !== "card" && mode === "lexical") await wordsHeld;
      await route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: body(q, mode, q === "card" ? ["a", "b"] : ["c", "d"]) });
    });
    const rated: unknown[] = [];
    await page.route(`${worker.url}/feedback`, async (route) => {
      if (route.request().method() === "POST") rated.push(route.request().postDataJSON());
      await route.fulfill({ status: 204, headers: { "access-control-allow-origin": "*" } });
    });
    // The widget's timers (words 200 ms after the last key, meaning after 600 ms) run only when
    // the test moves the page's clock: a slow click cannot let the question by meaning go out,
    // and abort the held words answer, before that answer has come.
    await openWithClockStopped(page);
    await input(page).fill("card");
    await page.clock.runFor(600);
    await expect.poll(() => optionIds(page), { timeout: 10_000 }).toEqual(["a", "b"]);
    const asked = (mode: string) => (request: { url(): string }) => request.url().includes(`mode=${mode}&q=card%20fees`);
    const wordsAsked = page.waitForRequest(asked("lexical"), { timeout: 10_000 });
    const words = page.waitForResponse(asked("lexical"), { timeout: 10_000 });
    await input(page).pressSequentially(" fees", { delay: 20 });
    await page.clock.runFor(200);
    await wordsAsked;
    await page.locator("faq-search li[role=option]").nth(0).click();
    // the words answer comes after the click, then the answer by meaning after the pause
    releaseWords();
    await words;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the widget has read it (its body, in real time)
    const meaning = page.waitForResponse(asked("hybrid"), { timeout: 10_000 });
    await page.clock.runFor(400);
    await meaning;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await optionIds(page)).toEqual(["a", "b"]);
    expect(await page.locator("faq-search li[role=option]").nth(0).getAttribute("aria-expanded")).toBe("true");
    await page.locator("faq-search .fb").getByRole("button", { name: "No" }).click();
    // opening the answer is counted for the owner's dashboard, once; then the rating
    await expect.poll(() => rated, { timeout: 5_000 }).toEqual([{ query: "card fees", id: "a", opened: true }, { query: "card fees", id: "a", helpful: false }]);
    await page.close();
  });

  it("offers the fallback link when the service cannot be reached", async () => {
    const page = await browser.newPage();
    await page.route(`${worker.url}/faq**`, (route) => route.abort());
    await page.goto(sitePage);
    await input(page).fill("Where is my card?");
    const message = page.locator("faq-search .msg");
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toContain("Search is unavailable right now.");
    expect(await message.locator("a").getAttribute("href")).toBe(`${sitePage}/contact`);
    expect(await message.locator("a").textContent()).toBe("Ask a person");
    await page.screenshot({ path: join(ARTIFACTS, "widget-error.png") });
    await page.close();
  });

  it("lets a page on a disallowed origin fetch nothing", async () => {
    const page = await browser.newPage();
    await page.goto(otherPage);
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/faq?q=medicare`);
        return "fetched";
      } catch (error) {
        return (error as Error).name;
      }
    }, worker.url);
    expect(outcome).toBe("TypeError");
    await page.close();
  });

  it("costs one embedding call for a question typed at 250 ms a key, ending on the hybrid answer", async () => {
    const question = "how much does part b cost";
    const page = await browser.newPage();
    const modes: string[] = [];
    const collections = collectionsAsked(page);
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/faq") modes.push(url.searchParams.get("mode") ?? "hybrid");
    });
    // The page's clock moves 250 ms after each key, whatever the machine's load: a key that came
    // late in real time would otherwise look like a pause, and cost an embedding.
    await openWithClockStopped(page);
    await input(page).click();
    for (const key of question) {
      await page.keyboard.type(key);
      await page.clock.runFor(250);
    }
    await page.clock.runFor(1000); // the pause after the last key: the question by meaning goes out
    // what the Worker answers for the whole question by meaning and words
    const direct = (await (await fetch(`${worker.url}/faq?k=5&q=${encodeURIComponent(question)}`)).json()) as { results: Array<{ id: string }> };
    await expect.poll(async () => (await optionIds(page))[0], { timeout: 15_000 }).toBe(direct.results[0]!.id);
    await expect.poll(() => modes.filter((mode) => mode !== "lexical").length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await page.clock.runFor(2000);
    await page.waitForTimeout(500); // nothing more may follow
    const embedding = modes.filter((mode) => mode !== "lexical");
    console.log(`typing "${question}" at 250 ms a key: ${modes.length} requests, ${embedding.length} needing an embedding`);
    expect(embedding).toEqual(["hybrid"]);
    expect(modes.filter((mode) => mode === "lexical").length).toBeGreaterThan(10);
    expect(await optionIds(page)).toEqual(direct.results.map((r) => r.id));
    // a page without collection= asks exactly as before the Worker had collections
    expect(new Set(collections)).toEqual(new Set([null]));
    await page.close();
  }, 60_000);

  it("marks the question's words with <mark> nodes, shows two lines of an answer, and all of it once opened", async () => {
    const page = await browser.newPage();
    const answer = "Refunds take 5 days.\nA refund goes to the card you paid with.\n<img src=x onerror=alert(1)> is text here.\nLine four.\nLine five.";
    await page.route(`${worker.url}/faq**`, (route) => route.fulfill({
      contentType: "application/json",
      headers: { "access-control-allow-origin": "*" },
      body: JSON.stringify({
        query: "refund policy", model: "m", mode: "hybrid", degraded: false, answered: true,
        results: [{ id: "r", question: "What is your refund policy?", answer, url: "https://help.example/refunds", category: null, score: 0.9, scores: { semantic: 0.9, lexical: 1 } }],
      }),
    }));
    await page.goto(sitePage);
    // words only: no hybrid answer re-renders the list while this test clicks it
    await page.locator("faq-search").evaluate((host) => host.setAttribute("hybrid-delay", "600000"));
    await input(page).fill("refund policy");
    await expect.poll(() => optionIds(page), { timeout: 10_000 }).toEqual(["r"]);
    const item = page.locator("faq-search li[role=option]").nth(0);
    expect(await item.locator(".q mark").allTextContents()).toEqual(["refund", "policy"]);
    expect(await item.locator(".a mark").allTextContents()).toEqual(["Refund", "refund"]);
    expect(await item.locator(".a").textContent()).toBe(answer + " Read more"); // the markup in the answer stays text
    expect(await item.locator("img").count()).toBe(0);
    const clamp = () => item.locator(".a").evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(el).getPropertyValue("-webkit-line-clamp"));
    expect(await clamp()).toBe("2");
    expect(await item.locator(".a a").isVisible()).toBe(false);
    await item.click();
    expect(await clamp()).toBe("none");
    expect(await item.locator(".a a").isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "widget-highlight.png") });
    await page.close();
  });

  it("links only to web pages, whatever URL an answer carries", async () => {
    const page = await browser.newPage();
    const result = (id: string, url: string) => ({ id, question: `question ${id}`, answer: "an answer", url, category: null, score: 0.9, scores: { semantic: 0.9, lexical: 1 } });
    await page.route(`${worker.url}/faq**`, (route) => route.fulfill({
      contentType: "application/json",
      headers: { "access-control-allow-origin": "*" },
      body: JSON.stringify({
        query: "links", model: "m", mode: "hybrid", degraded: false, answered: true,
        results: [result("1", "javascript:alert(1)"), result("2", "https://help.example/a"), result("3", "data:text/html,<b>x</b>"), result("4", " JaVaScRiPt:alert(2)")],
      }),
    }));
    await page.goto(sitePage);
    await input(page).fill("links");
    await expect.poll(() => optionIds(page), { timeout: 10_000 }).toEqual(["1", "2", "3", "4"]);
    const hrefs = await page.locator("faq-search li[role=option] a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["https://help.example/a"]);
    await page.close();
  });

  it("asks the collection named by collection=, for every request, and shows its FAQs", async () => {
    const expected = await answerIds(GERMAN_QUESTION, "help-de");
    expect(expected[0]).toBe("de-3");
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(`${collectionSite}/named`);
    const byMeaning = page.waitForResponse((response) => response.url().includes("mode=hybrid"));
    await input(page).click();
    await input(page).pressSequentially(GERMAN_QUESTION, { delay: 20 });
    await byMeaning;
    await expect.poll(() => optionIds(page), { timeout: 15_000 }).toEqual(expected);
    expect(collections.length).toBeGreaterThan(1); // words while typing, and the question by meaning
    expect(new Set(collections)).toEqual(new Set(["help-de"]));
    await page.close();
  });

  it("fills collection=\"help-{lang}\" from <html lang=\"de-AT\">: help-de", async () => {
    const expected = await answerIds(GERMAN_QUESTION, "help-de");
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(`${collectionSite}/de-at`);
    await input(page).fill(GERMAN_QUESTION);
    await expect.poll(() => optionIds(page), { timeout: 15_000 }).toEqual(expected);
    expect(new Set(collections)).toEqual(new Set(["help-de"]));
    await page.close();
  });

  it("falls back to collection-fallback after the Worker answers 404 for help-fr, and asks help-fr no more on that page", async () => {
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(`${collectionSite}/fr`);
    await input(page).fill("How can Medicare help me?");
    await expect.poll(async () => (await optionIds(page)).slice(0, 3), { timeout: 15_000 }).toEqual(["8", "7", "3"]);
    expect(collections[0]).toBe("help-fr");
    const firstFallback = collections.indexOf("default");
    expect(firstFallback).toBeGreaterThan(0);
    expect(new Set(collections.slice(0, firstFallback))).toEqual(new Set(["help-fr"]));
    // the next question goes straight to the fallback
    const asked = collections.length;
    const expected = await answerIds("How much does Part B cost?");
    await input(page).fill("How much does Part B cost?");
    await expect.poll(() => optionIds(page), { timeout: 15_000 }).toEqual(expected);
    expect(collections.length).toBeGreaterThan(asked);
    expect(new Set(collections.slice(firstFallback))).toEqual(new Set(["default"]));
    await page.close();
  });

  it("asks the fallback at once when <html lang> is missing", async () => {
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(`${collectionSite}/no-lang`);
    await input(page).fill("How can Medicare help me?");
    await expect.poll(async () => (await optionIds(page)).slice(0, 3), { timeout: 15_000 }).toEqual(["8", "7", "3"]);
    expect(new Set(collections)).toEqual(new Set(["default"]));
    await page.close();
  });

  it("shows the unavailable message and the fallback link for an unknown collection without collection-fallback", async () => {
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(`${collectionSite}/fr-alone`);
    await input(page).fill("How can Medicare help me?");
    const message = page.locator("faq-search .msg");
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe("Search is unavailable right now. Ask a person");
    expect(await message.locator("a").getAttribute("href")).toBe(`${collectionSite}/contact`);
    expect(await page.locator("faq-search ul[role=listbox]").isHidden()).toBe(true);
    expect(await input(page).getAttribute("aria-expanded")).toBe("false");
    // once the Worker has said there is no help-fr, nothing more is asked of it
    const asked = collections.length;
    await input(page).fill("How much does Part B cost?");
    await input(page).press("Enter");
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe("Search is unavailable right now. Ask a person");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 800))); // past the pause that asks by meaning
    expect(collections.length).toBe(asked);
    expect(new Set(collections)).toEqual(new Set(["help-fr"]));
    await page.close();
  });

  it("switches collections when the collection attribute changes, even for the question already asked", async () => {
    const page = await browser.newPage();
    const collections = collectionsAsked(page);
    await page.goto(sitePage);
    const byMeaning = page.waitForResponse((response) => response.url().includes("mode=hybrid"));
    await input(page).fill(GERMAN_QUESTION);
    await byMeaning;
    await expect.poll(() => optionIds(page), { timeout: 15_000 }).toEqual(await answerIds(GERMAN_QUESTION));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // the widget has read the answer
    await page.locator("faq-search").evaluate((host) => host.setAttribute("collection", "help-de"));
    await input(page).press("Enter");
    await expect.poll(() => optionIds(page), { timeout: 15_000 }).toEqual(await answerIds(GERMAN_QUESTION, "help-de"));
    expect(collections.at(-1)).toBe("help-de");
    expect(collections.slice(0, -1)).toEqual(collections.slice(0, -1).map(() => null));
    await page.close();
  });

  it("files a visitor's No under the collection that answered: the POST carries it, /admin/feedback?collection=help-de lists it", async () => {
    const page = await browser.newPage();
    const posted: unknown[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/feedback" && request.method() === "POST") posted.push(request.postDataJSON());
    });
    await page.goto(`${collectionSite}/named`);
    await input(page).fill(GERMAN_QUESTION);
    await expect.poll(async () => (await optionIds(page))[0], { timeout: 15_000 }).toBe("de-3");
    await page.locator("faq-search li[role=option]").nth(0).click();
    const feedback = page.locator("faq-search .fb");
    await feedback.getByRole("button", { name: "No" }).click();
    await expect.poll(() => feedback.locator("[role=status]").textContent(), { timeout: 10_000 }).toBe("Thank you for telling us.");
    expect(posted).toEqual([{ query: GERMAN_QUESTION, id: "de-3", collection: "help-de", opened: true }, { query: GERMAN_QUESTION, id: "de-3", helpful: false, collection: "help-de" }]);
    const listed = async () => {
      const response = await fetch(`${worker.url}/admin/feedback?collection=help-de`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      const body = (await response.json()) as { collection: string; feedback: Array<{ query: string; id: string; helpful: boolean }> };
      return { collection: body.collection, feedback: body.feedback.map(({ query, id, helpful }) => ({ query, id, helpful })) };
    };
    await expect.poll(listed, { timeout: 10_000 }).toEqual({ collection: "help-de", feedback: [{ query: GERMAN_QUESTION, id: "de-3", helpful: false }] });
    await page.close();
  });
});
