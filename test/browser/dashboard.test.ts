/**
 * The owner's dashboard (GET /admin) in a real browser (Debian's Chromium
 * through playwright-core) against wrangler dev, local D1 and the demo index:
 * a month of history in D1, questions asked through /faq and feedback posted
 * first, then the page signs
 * in, shows the figures /admin/stats returns, marks a group done, writes a
 * draft that npm run inbox exports, keeps a visitor's markup as text, keeps a
 * collection token to its collection, and axe-core finds nothing to fix.
 * Screenshots go to test-artifacts/; the signed-in one is docs/dashboard.png (copied by hand).
 */
import type { ChildProcess } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { browserForTests, seedDemoStack } from "./browser-stack";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "../../scripts/lib/local-model";
import { runWrangler } from "../../scripts/lib/run-wrangler";
import { startWranglerDev, type RunningWorker } from "../../scripts/lib/wrangler-dev";
import { freePort, runScript, startInferenceProcess } from "../node/helpers";

const ARTIFACTS = "test-artifacts";
const ADMIN_TOKEN = "dashboard-browser-admin-token-0123456789";
const AXE_SOURCE = join("node_modules", "axe-core", "axe.min.js");

const browserTests = browserForTests("dashboard");
const { describeWithBrowser } = browserTests;

/** A visitor's question that is markup: if the page ever made it HTML, the image's handler would mark the body. */
const MARKUP = `<img src=x onerror="document.body.dataset.injected='yes'">`;
const ANSWERED = "How do I get a replacement Medicare card?";
const DOG = "Can I bring my dog?";
const PIZZA = "do you sell pizza";
const HELP_DE = [
  { id: "de-1", question: "Wie bekomme ich eine neue Versichertenkarte?", answer: "Melden Sie sich in Ihrem Konto an und bestellen Sie dort eine neue Karte.", url: null },
  { id: "de-2", question: "Wie hoch ist der monatliche Beitrag?", answer: "Der Beitrag wird jedes Jahr neu festgelegt.", url: null },
  { id: "de-3", question: "Wie ändere ich meine Adresse?", answer: "Ändern Sie Ihre Adresse in Ihrem Konto unter Einstellungen.", url: null },
];
// Shares only "ich" with the FAQs. (A 3-FAQ collection gives its calibration little to go on:
// "Darf ich meinen Hund mitbringen?", sharing "ich" and a near "meine", is answered there, docs/quality.md.)
const GERMAN_UNANSWERED = "Kann ich online bezahlen?";

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The 29 days before today as a month of use leaves them in D1, written
 * before the Worker starts: counts per day, ratings (Yes for FAQ 3, No for
 * FAQ 5) and openings. Today's figures come from the questions the test asks.
 */
const HISTORY = Array.from({ length: 29 }, (_, i) => {
  const ago = 29 - i;
  return { day: dayOf(Date.now() - ago * DAY_MS), answered: 4 + ((ago * 7) % 6), unanswered: 1 + ((ago * 5) % 4), degraded: ago % 10 === 3 ? 1 : 0, yes: (ago * 3) % 4, no: ago % 5 === 1 ? 1 : 0 };
});
const sum = (pick: (day: (typeof HISTORY)[number]) => number) => HISTORY.reduce((total, day) => total + pick(day), 0);
function historySql(): string {
  const counts = HISTORY.map((d) => `('default', '${d.day}', ${d.answered + d.unanswered + d.degraded}, ${d.answered}, ${d.unanswered}, ${d.degraded})`);
  const ratings = HISTORY.flatMap((d) => [
    ...Array.from({ length: d.yes }, () => `('an earlier question', '3', 1, ${Date.parse(`${d.day}T12:00:00Z`)}, 'default')`),
    ...Array.from({ length: d.no }, () => `('an earlier question', '5', 0, ${Date.parse(`${d.day}T12:00:00Z`)}, 'default')`),
  ]);
  const opens = HISTORY.flatMap((d) => [`('default', '${d.day}', '3', ${d.yes + 1})`, `('default', '${d.day}', '5', ${d.no + 1})`]);
  return [
    `INSERT INTO daily_counts (collection, day, asked, answered, unanswered, degraded) VALUES ${counts.join(", ")};`,
    `INSERT INTO feedback (query, faq_id, helpful, at, collection) VALUES ${ratings.join(", ")};`,
    `INSERT INTO faq_opens (collection, day, faq_id, opened) VALUES ${opens.join(", ")};`,
  ].join("\n");
}
/** The default collection's 30 days: the history, and today's 6 questions (2 answered), one Yes and one No. */
const MONTH = (() => {
  const asked = sum((d) => d.answered + d.unanswered + d.degraded) + 6;
  const answered = sum((d) => d.answered) + 2;
  return {
    asked, answered, unanswered: sum((d) => d.unanswered) + 4, degraded: sum((d) => d.degraded),
    answeredShare: Math.round((answered / asked) * 1000) / 1000, feedbackYes: sum((d) => d.yes) + 1, feedbackNo: sum((d) => d.no) + 1,
  };
})();
/** The period the page asks for: the last `days` days, today (UTC) included. */
const period = (days: number) => ({ since: dayOf(Date.now() - (days - 1) * DAY_MS), until: dayOf(Date.now()) });
/** A share as the page writes it. */
const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 1000) / 10}%`);

interface Stats {
  collection: string;
  days: Array<{ day: string; asked: number; answered: number; unanswered: number; degraded: number; answeredShare: number | null; feedbackYes: number; feedbackNo: number }>;
  totals: { asked: number; answered: number; unanswered: number; degraded: number; answeredShare: number | null; feedbackYes: number; feedbackNo: number };
  faqs: Array<{ id: string; question: string | null; opened: number; helpful: number; unhelpful: number; shareNo: number | null }>;
}

let persistTo: string;
let inference: { url: string; child: ChildProcess };
let worker: RunningWorker;
let browser: Browser;

/** An owner's API call from the test, as the page makes it. */
async function owner<T>(path: string, token = ADMIN_TOKEN): Promise<T> {
  const response = await fetch(`${worker.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect([path, response.status]).toEqual([path, 200]);
  return (await response.json()) as T;
}
const stats = (days: number, collection = "default") => {
  const { since, until } = period(days);
  return owner<Stats>(`/admin/stats?since=${since}&until=${until}&collection=${collection}`);
};
const ask = async (q: string, collection?: string) => {
  const response = await fetch(`${worker.url}/faq?q=${encodeURIComponent(q)}${collection ? `&collection=${collection}` : ""}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { answered: boolean }).answered;
};
const feedback = async (body: Record<string, unknown>) => {
  const response = await fetch(`${worker.url}/feedback`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(204);
};

/** A page that records every Content-Security-Policy violation, and every call to /admin/* with its Authorization header. */
async function dashboardPage(viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    type Violation = { violatedDirective: string; blockedURI: string };
    const page = globalThis as unknown as { cspViolations: string[]; addEventListener(type: string, listener: (event: Violation) => void): void };
    page.cspViolations = [];
    page.addEventListener("securitypolicyviolation", (event) => page.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const calls: Array<{ method: string; url: string; authorization: string | undefined; cookie: string | undefined }> = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/admin/") && !url.pathname.startsWith("/admin/assets/")) {
      const headers = request.headers();
      calls.push({ method: request.method(), url: url.pathname + url.search, authorization: headers.authorization, cookie: headers.cookie });
    }
  });
  return { page, calls };
}
const cspViolations = (page: Page) => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
const status = (page: Page) => page.locator("#status").textContent();
const focused = (page: Page) => page.locator(":focus");
/** What the tab keeps in sessionStorage: how many items, and the token. */
const stored = (page: Page) => page.evaluate(() => {
  const storage = (globalThis as unknown as { sessionStorage: { length: number; getItem(key: string): string | null } }).sessionStorage;
  return { length: storage.length, token: storage.getItem("faq-edge-admin-token") };
});

async function signIn(page: Page, token = ADMIN_TOKEN) {
  await page.goto(`${worker.url}/admin`);
  await page.getByLabel("Token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}
/** Waits for the page to say it shows a collection: everything is drawn by then. */
const shown = (page: Page, collection: string, days = 30) =>
  expect.poll(() => status(page), { timeout: 15_000 }).toBe(`Showing ${collection}, the last ${days} days.`);

/** Each row of a table's part (tbody, tfoot) as its cells' text. */
const rows = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));

async function axeViolations(page: Page) {
  await page.evaluate(await readFile(AXE_SOURCE, "utf8"));
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run());
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describeWithBrowser("the owner's dashboard in Chromium", () => {
  beforeAll(async () => {
    browserTests.requireBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
    persistTo = await seedDemoStack("faq-dashboard-", HELP_DE);
    await writeFile(join(persistTo, "history.sql"), historySql());
    await runWrangler(["d1", "execute", "FAQ_DB", "--local", "--persist-to", persistTo, "--file", join(persistTo, "history.sql")], { captureStderr: true });
    inference = await startInferenceProcess();
    worker = await startWranglerDev({
      port: await freePort(),
      persistTo,
      output: "ignore",
      vars: { HF_ENDPOINT_URL: inference.url, EMBED_MODEL: LOCAL_MODEL_ID, EMBED_DIM: String(LOCAL_MODEL_DIM) },
      secrets: { ADMIN_TOKEN },
    });
    browser = await browserTests.launch();

    // what visitors did: one question answered twice, four not (one of them markup), and three ratings
    expect(await ask(ANSWERED)).toBe(true);
    expect(await ask(ANSWERED)).toBe(true);
    for (const q of [DOG, DOG, PIZZA, MARKUP]) expect([q, await ask(q)]).toEqual([q, false]);
    await feedback({ query: ANSWERED, id: "8", opened: true });
    await feedback({ query: ANSWERED, id: "8", helpful: false });
    await feedback({ query: ANSWERED, id: "3", opened: true });
    await feedback({ query: ANSWERED, id: "3", helpful: true });
    expect(await ask("Wie ändere ich meine Adresse?", "help-de")).toBe(true);
    expect(await ask(GERMAN_UNANSWERED, "help-de")).toBe(false);
    // the Worker writes its counts after answering: wait until they are all there (expect.poll is for tests only)
    const written = async () => JSON.stringify((await stats(30)).totals) === JSON.stringify(MONTH) && (await stats(30, "help-de")).totals.asked === 2;
    for (let tries = 0; tries < 100 && !(await written()); tries++) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await stats(30)).totals).toEqual(MONTH);
    expect((await stats(30, "help-de")).totals.asked).toBe(2);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    inference?.child.kill();
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
  });

  it("asks for a token first and shows nothing else; axe-core finds no violation", async () => {
    const { page, calls } = await dashboardPage();
    await page.goto(`${worker.url}/admin`);
    expect(await page.getByRole("heading", { level: 2, name: "Sign in" }).isVisible()).toBe(true);
    await expect.poll(() => focused(page).getAttribute("id")).toBe("token");
    expect(await page.locator("#dashboard").isHidden()).toBe(true);
    expect(await page.locator("#controls").isHidden()).toBe(true);
    expect(calls).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-sign-in.png") });
    await page.close();
  });

  it("refuses a wrong token with an error and nothing else: no data, no part of the page", async () => {
    const { page, calls } = await dashboardPage();
    const answers: number[] = [];
    page.on("response", (response) => new URL(response.url()).pathname === "/admin/collections" && answers.push(response.status()));
    await signIn(page, "not-the-token-0123456789abcdefghijkl");
    await expect.poll(() => page.locator("#sign-in-error").textContent(), { timeout: 10_000 }).toBe("That token was not accepted. Check it and try again.");
    expect(await page.locator("#sign-in-error").getAttribute("role")).toBe("alert");
    expect(await page.locator("#token").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#dashboard").isHidden()).toBe(true);
    expect(await page.locator("#controls").isHidden()).toBe(true);
    expect(await page.locator("table, #groups li, #drafts li, .uplot, #collection option").count()).toBe(0);
    expect(await stored(page)).toEqual({ length: 0, token: null });
    // one call, refused; nothing else was asked
    expect(calls.map((c) => c.url)).toEqual(["/admin/collections"]);
    expect(answers).toEqual([401]);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-wrong-token.png") });
    await page.close();
  });

  it("signs in with the ADMIN_TOKEN, kept in sessionStorage and sent as Bearer only: every collection in the picker", async () => {
    const { page, calls } = await dashboardPage();
    await signIn(page);
    await shown(page, "default");
    expect(await page.locator("#sign-in").isHidden()).toBe(true);
    expect(await page.locator("#collection option").allTextContents()).toEqual(["default", "help-de"]);
    expect(await focused(page).getAttribute("id")).toBe("questions-title");
    expect(await stored(page)).toEqual({ length: 1, token: ADMIN_TOKEN });
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.locator("#token").inputValue()).toBe("");
    const { since, until } = period(30);
    expect(calls.map((c) => c.url).sort()).toEqual([
      "/admin/collections",
      "/admin/drafts?collection=default",
      `/admin/stats?since=${since}&until=${until}&collection=default`,
      `/admin/unanswered?since=${since}&until=${until}&collection=default`,
    ]);
    for (const call of calls) expect(call).toMatchObject({ authorization: `Bearer ${ADMIN_TOKEN}`, cookie: undefined });
    expect(calls.some((c) => c.url.includes(ADMIN_TOKEN))).toBe(false);
    // a reload signs in again from the tab's storage; signing out forgets the token
    await page.reload();
    await shown(page, "default");
    await page.getByRole("button", { name: "Sign out" }).click();
    expect(await stored(page)).toEqual({ length: 0, token: null });
    expect(await page.locator("#dashboard").isHidden()).toBe(true);
    expect(await page.locator("table, #groups li, .uplot").count()).toBe(0);
    await page.close();
  });

  it("shows the figures /admin/stats returns, in the charts' tables and the FAQs by No, for 30 and 7 days; axe-core finds no violation", async () => {
    const { page } = await dashboardPage();
    await signIn(page);
    await shown(page, "default");
    const month = await stats(30);
    expect(month.days).toHaveLength(30);
    const dayRow = (d: Stats["days"][number]) => [d.day, String(d.asked), String(d.answered), String(d.unanswered), String(d.degraded), percent(d.answeredShare)];
    const t = month.totals;
    expect(await rows(page, "#questions-table tbody tr")).toEqual(month.days.map(dayRow));
    expect(await rows(page, "#questions-table tfoot tr")).toEqual([["Total", String(t.asked), String(t.answered), String(t.unanswered), String(t.degraded), percent(t.answeredShare)]]);
    expect(t).toEqual(MONTH);
    expect(await rows(page, "#feedback-table tbody tr")).toEqual(month.days.map((d) => [d.day, String(d.feedbackYes), String(d.feedbackNo)]));
    expect(await rows(page, "#feedback-table tfoot tr")).toEqual([["Total", String(MONTH.feedbackYes), String(MONTH.feedbackNo)]]);
    expect(await rows(page, "#faqs-table tbody tr")).toEqual(month.faqs.map((f) => [f.question, String(f.opened), String(f.helpful), String(f.unhelpful), percent(f.shareNo)]));
    // most No first: FAQ 5 (the history's No), 8 (today's No), 3 (Yes only)
    expect(month.faqs.map((f) => [f.id, f.opened, f.helpful, f.unhelpful])).toEqual([
      ["5", sum((d) => d.no + 1), 0, sum((d) => d.no)], ["8", 1, 0, 1], ["3", sum((d) => d.yes + 1) + 1, sum((d) => d.yes) + 1, 0],
    ]);
    expect(await page.locator("#questions-summary").textContent())
      .toBe(`${MONTH.asked} questions asked from ${month.days[0]!.day} to ${month.days.at(-1)!.day}: ${MONTH.answered} answered (${percent(MONTH.answeredShare)}), ${MONTH.unanswered} not answered, ${MONTH.degraded} degraded (answered from words alone when the model failed).`);
    expect(await page.locator("#questions-chart canvas").count()).toBe(1);
    expect(await page.locator("#feedback-chart canvas").count()).toBe(1);

    // this screenshot, at 1280×900, is docs/dashboard.png
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png") });
    // with the tables open and a draft's form showing, as an owner would have it
    await page.locator("details").evaluateAll((all) => all.forEach((d) => d.setAttribute("open", "")));
    await page.locator("#groups li.group").first().getByRole("button", { name: /^Write the answer/ }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-full.png"), fullPage: true });

    await page.getByLabel("Period").selectOption("7");
    await shown(page, "default", 7);
    const week = await stats(7);
    expect(await rows(page, "#questions-table tbody tr")).toEqual(week.days.map(dayRow));
    expect(await rows(page, "#questions-table tbody tr")).toHaveLength(7);
    await page.close();
  });

  it("keeps a visitor's markup as text: shown literally, no img element, its handler never runs", async () => {
    const { page } = await dashboardPage();
    await signIn(page);
    await shown(page, "default");
    const headings = await page.locator("#groups li.group h3").allTextContents();
    expect(headings).toContain(MARKUP);
    const group = page.locator("#groups li.group").filter({ has: page.getByRole("heading", { name: MARKUP, exact: true }) });
    expect(await group.locator(".examples q").allTextContents()).toEqual([MARKUP]);
    expect(await page.locator("#groups img, main img").count()).toBe(0);
    expect(await page.locator("body").getAttribute("data-injected")).toBeNull();
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it("marks a group done for the period shown: it disappears, from the page and from /admin/unanswered", async () => {
    const { page, calls } = await dashboardPage();
    await signIn(page);
    await shown(page, "default");
    const { since, until } = period(30);
    const pizzaKey = (await owner<{ groups: Array<{ key: string; label: string }> }>(`/admin/unanswered?since=${since}&until=${until}`)).groups.find((g) => g.label === PIZZA)!.key;
    const labels = () => page.locator("#groups li.group h3").allTextContents();
    const before = await labels();
    expect(before).toContain(PIZZA);
    // focus moves on to the next group, or to the list's heading after the last
    const next = before[before.indexOf(PIZZA) + 1] ?? "Unanswered questions";
    const group = page.locator("#groups li.group").filter({ has: page.getByRole("heading", { name: PIZZA, exact: true }) });
    await group.getByRole("button", { name: /^Mark done/ }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe(`Marked done: "${PIZZA}". It stays hidden until it is asked again.`);
    // the groups were made from the period's questions: the Worker regroups the same ones
    expect(calls.filter((c) => c.method === "POST").map((c) => c.url)).toEqual([`/admin/groups/${encodeURIComponent(pizzaKey)}/done?collection=default&since=${since}&until=${until}`]);
    expect(await labels()).not.toContain(PIZZA);
    expect(await focused(page).textContent()).toBe(next);
    const listed = await owner<{ groups: Array<{ label: string }> }>("/admin/unanswered");
    expect(listed.groups.map((g) => g.label)).not.toContain(PIZZA);
    expect(listed.groups.map((g) => g.label)).toContain(DOG);
    await page.reload();
    await shown(page, "default");
    expect(await labels()).not.toContain(PIZZA);
    expect(await labels()).toContain(DOG);
    await page.close();
  });

  it("writes a group's answer as a draft, edits it, and npm run inbox -- --export-drafts writes it for the seed; then deletes it", async () => {
    const { page } = await dashboardPage();
    await signIn(page);
    await shown(page, "default");
    const group = page.locator("#groups li.group").filter({ has: page.getByRole("heading", { name: DOG, exact: true }) });
    const { groups } = await owner<{ groups: Array<{ key: string; label: string }> }>("/admin/unanswered");
    const groupKey = groups.find((g) => g.label === DOG)!.key;
    await group.getByRole("button", { name: /^Write the answer/ }).click();
    const question = group.getByLabel("Question, as the FAQ will show it");
    expect(await question.inputValue()).toBe(DOG);
    expect(await question.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await question.fill("Can I bring my dog to an appointment?");
    await group.getByLabel("Answer", { exact: true }).fill("Guide dogs are welcome; <b>other</b> pets stay at home.");
    await group.getByRole("button", { name: "Save as a draft" }).click();
    await expect.poll(() => page.locator("#drafts li.draft h3").allTextContents(), { timeout: 10_000 }).toEqual(["Can I bring my dog to an appointment?"]);
    const { drafts } = await owner<{ drafts: Array<{ id: number; question: string; answer: string; groupKey: string | null }> }>("/admin/drafts");
    expect(drafts.map(({ question, answer, groupKey }) => ({ question, answer, groupKey })))
      .toEqual([{ question: "Can I bring my dog to an appointment?", answer: "Guide dogs are welcome; <b>other</b> pets stay at home.", groupKey: groupKey }]);
    const id = drafts[0]!.id;
    expect(await page.locator("#drafts li.draft .answer").textContent()).toBe("Guide dogs are welcome; <b>other</b> pets stay at home.");
    expect(await page.locator("#drafts b").count()).toBe(0);

    await page.locator("#drafts li.draft").getByRole("button", { name: /^Edit/ }).click();
    await page.locator("#drafts").getByLabel("Answer", { exact: true }).fill("Guide dogs are welcome.");
    await page.locator("#drafts").getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator("#drafts li.draft .answer").textContent(), { timeout: 10_000 }).toBe("Guide dogs are welcome.");
    expect(await focused(page).textContent()).toBe("Can I bring my dog to an appointment?");

    const file = join(persistTo, "drafts.jsonl");
    const exported = await runScript("scripts/inbox.ts", ["--persist-to", persistTo, "--export-drafts", file]);
    expect(exported.code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(`${JSON.stringify({ id: `draft-${id}`, question: "Can I bring my dog to an appointment?", answer: "Guide dogs are welcome.", url: null, category: null })}\n`);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.locator("#drafts li.draft").getByRole("button", { name: /^Delete/ }).click();
    await expect.poll(() => page.locator("#drafts li.draft").count(), { timeout: 10_000 }).toBe(0);
    expect((await owner<{ drafts: unknown[] }>("/admin/drafts")).drafts).toEqual([]);
    await page.close();
  }, 120_000);

  it("keeps a collection token to its collection: its name only in the picker, its figures and groups, no other", async () => {
    const created = await runScript("scripts/admin.ts", ["token", "create", "--collection", "help-de", "--persist-to", persistTo]);
    expect(created.code).toBe(0);
    const { token } = JSON.parse(created.stdout.trim().split("\n").pop()!) as { token: string };
    const { page, calls } = await dashboardPage();
    const statuses: number[] = [];
    page.on("response", (response) => new URL(response.url()).pathname.startsWith("/admin/") && statuses.push(response.status()));
    await signIn(page, token);
    await shown(page, "help-de");
    expect(await page.locator("#collection option").allTextContents()).toEqual(["help-de"]);
    expect(await page.locator("#collection-name").textContent()).toBe("help-de");
    const own = await stats(30, "help-de");
    expect(own.totals.asked).toBe(2);
    expect(await rows(page, "#questions-table tfoot tr")).toEqual([["Total", String(own.totals.asked), String(own.totals.answered), String(own.totals.unanswered), String(own.totals.degraded), percent(own.totals.answeredShare)]]);
    const labels = await page.locator("#groups li.group h3").allTextContents();
    expect(labels).toEqual([GERMAN_UNANSWERED]);
    expect(new Set(statuses)).toEqual(new Set([200]));
    for (const call of calls.filter((c) => c.url !== "/admin/collections")) expect(new URL(call.url, worker.url).searchParams.get("collection")).toBe("help-de");
    await page.close();
  }, 60_000);
});
