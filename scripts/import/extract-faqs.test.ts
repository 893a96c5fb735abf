/**
 * FAQs read from pages without structured data: each fixture page in
 * test/fixtures/faq-pages is written after a common hand-made or CMS
 * pattern, with site chrome and non-FAQ headings around it. Each test names
 * the exact questions, answers, anchors and the rule that found them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractFaqs, type ExtractOptions, type FaqMarkup } from "./extract-faqs";
import { parseDocument } from "./dom";
import { lineOf } from "./html-to-text";
import { isQuestion } from "./question-text";

const html = (name: string) => readFileSync(new URL(`../../test/fixtures/faq-pages/${name}`, import.meta.url), "utf8");
const read = (name: string, options?: ExtractOptions) => extractFaqs(html(name), options);
/** [question, answer, anchor] */
type Expected = [string, string, string | null];
const found = (faqs: ReturnType<typeof read>["faqs"]): Expected[] => faqs.map((faq) => [faq.question, faq.answer!, faq.fragment]);

const PAGES: Array<[string, FaqMarkup, Expected[]]> = [
  ["bootstrap4-accordion.html", "aria-accordion", [
    ["Do you accept new patients?", "Yes. Call us or book online; most new patients are seen within a week.", "headingOne"],
    ["Which insurance plans do you take?", "We accept most PPO plans, including:\nDelta Dental\nCigna", "headingTwo"],
    ["What should I bring to my first visit?", "Your insurance card, a photo ID and a list of the medicines you take.", "headingThree"],
  ]],
  ["bootstrap5-accordion.html", "aria-accordion", [
    ["How do I book a class?", "Book in our app or at the front desk. Classes open for booking 7 days ahead.", "q-booking"],
    ["Can I freeze my membership?", "Yes, for up to three months a year. Ask at the desk.", "q-freeze"],
    ["Do I need my own climbing shoes?", "No. Shoes and harnesses can be hired for €4.", "q-shoes"],
  ]],
  ["bootstrap4-headings.html", "question-headings", [
    ["How long does a repair take?", "Most repairs take two to three working days.\nScreens are often done the same day.", null],
    ["Do I need an appointment?", "No, walk in any time we are open.", null],
    ["Is my repair covered by a warranty?", "Yes, every repair has a 12-month warranty on parts and work.", null],
    ["How long is the warranty on a battery", "Six months, as batteries wear with use.", null],
  ]],
  ["faq-item-cards.html", "question-headings", [
    ["When will my plants arrive?", "We ship on Mondays and Tuesdays, so plants never wait in a depot over the weekend.", null],
    ["Can I change my order after paying?", "Yes, until we send the shipping e-mail. Reply to your order confirmation.", null],
    ["What if my plant arrives damaged?", "Send us a photo within 7 days and we replace it free of charge.", null],
    ["How often should I water a new tree", "Twice a week for the first month, then once a week.\nMore in hot weather.\nLess in clay soil.", null],
  ]],
  ["yoast-faq-block.html", "question-headings", [
    ["What time is check-in?", "Check-in is from 2 pm to 8 pm. Late arrivals can use the key box.", "faq-question-1650000000001"],
    ["Are dogs allowed?", "Yes, two dogs per pitch, on a lead at all times.", "faq-question-1650000000002"],
    ["Can I cancel my booking", "Free cancellation up to 14 days before arrival.\nAfter that we keep the deposit.", "faq-question-1650000000003"],
  ]],
  ["gutenberg-details.html", "details", [
    ["Do I need to bring my own tools?", "No, every bench has a full set of hand tools.", null],
    ["Is there an age limit?", "Workshops are for ages 16 and up.\nUnder-18s need a form signed by a parent.", null],
  ]],
  // the page has 4 FAQs; "How to pair the headphones with a second phone" is not read as a question (see below)
  ["rank-math-faq.html", "question-headings", [
    ["How long does the battery last?", "About 30 hours with noise cancelling on, 40 hours with it off.", "faq-question-1700000000101"],
    ["Are the ear cushions replaceable?", "Yes. Spare cushions are sold in our shop and clip on without tools.", "faq-question-1700000000103"],
    ["Can I use them while charging?", "Yes, over USB-C, both wired and wireless.", "faq-question-1700000000104"],
  ]],
  ["zendesk-article.html", "question-headings", [
    ["Which payment methods do you accept?", "Visa, Mastercard, American Express and PayPal.", "h_02"],
    ["Why was I charged twice?", "The first charge is a card check that disappears within 3 days.\nIf both charges stay, send us both invoice numbers.", "h_03"],
    ["Where can I download my invoices?", "Under Account > Billing > Invoices, as PDF.", "h_05"],
    ["Can I get a refund?", "Yes, within 30 days of purchase. Refunds go back to the card you paid with.", "h_06"],
  ]],
  ["definition-list.html", "definition-list", [
    ["How do I join?", "Fill in the form at the front desk, or online.", "join"],
    ["What does membership cost?", "€40 a year.\nStudents pay €20.", null],
    ["Can I bring a guest to events?", "Yes, twice a month.\nGuests sign the visitors' book.", null],
  ]],
];

describe("FAQ pages without structured data", () => {
  it.each(PAGES)("%s: read by %s", (name, markup, expected) => {
    const page = read(name);
    expect(page.markup).toBe(markup);
    expect(found(page.faqs)).toEqual(expected);
    expect(page.faqs.every((faq) => faq.id === null)).toBe(true);
    expect(page.problem).toBeNull();
  });

  // A help centre's section page lists links to articles: the answers are on other pages, so it is not an FAQ.
  it.each([
    ["blog-post.html", "one question heading among section titles"],
    ["plain-headings.html", "headings that are not questions: Who we are, What we do, Why choose us, How it works, Contact us"],
    ["nav-menu.html", "aria-expanded toggles that open menus of links, a My account panel and a Read more"],
    ["zendesk-section.html", "a list of article links, and promoted articles whose headings link away"],
    ["custom-markup.html", "questions in <span>s that do not ask (read with --question-selector, below)"],
  ])("%s has no FAQ: %s", (name) => {
    expect(read(name)).toMatchObject({ markup: null, faqs: [], problem: null });
  });
});

describe("--question-selector and --answer-selector", () => {
  const selectors = (question: string, answer: string) => ({ selectors: { question, answer } });

  it("pairs each question with the answers after it, before any other rule, with the rule named", () => {
    const page = read("custom-markup.html", selectors(".q", ".a"));
    expect(page.markup).toBe("selectors");
    expect(found(page.faqs)).toEqual([
      ["Tickets on board", "You can buy tickets on board with a card. Cash is not accepted.", "tickets"],
      ["Taking a car", "Cars must be booked ahead.\nArrive 30 minutes before sailing.", "cars"],
      ["Pets on the ferry", "Dogs travel free on the outer deck.", null],
    ]);
    // several answers after one question are joined, one per line
    expect(found(read("custom-markup.html", selectors(".q", ".a, .a p")).faqs)[1]).toEqual(["Taking a car", "Cars must be booked ahead.\nArrive 30 minutes before sailing.", "cars"]);
    // the selectors win over headings that ask, and read the question those leave out
    const rankMath = read("rank-math-faq.html", selectors(".rank-math-question", ".rank-math-answer"));
    expect(rankMath.markup).toBe("selectors");
    expect(rankMath.faqs.map((faq) => faq.question)).toEqual([
      "How long does the battery last?", "How to pair the headphones with a second phone", "Are the ear cushions replaceable?", "Can I use them while charging?",
    ]);
  });

  it("leaves a page where neither selector matches to the other rules", () => {
    expect(read("bootstrap5-accordion.html", selectors(".q", ".a")).markup).toBe("aria-accordion");
  });

  it.each([
    [".q", ".a p", '--question-selector matched 3, --answer-selector 2: question 1 ("Tickets on board") has no answer before the next question'],
    [".q", ".qa:not(:last-child) .a", '--question-selector matched 3, --answer-selector 2: question 3 ("Pets on the ferry") has no answer after it'],
    [".a", ".q", '--question-selector matched 3, --answer-selector 3: an answer ("Tickets on board") comes before any question'],
    [".qa > *", ".a", 'both selectors match "You can buy tickets on board with a card. Cash is not acc..."'],
    [".qa", ".a", 'an answer ("You can buy tickets on board with a card. Cash is not acc...") is inside a question'],
  ])("fails the page, never guessing, when %s and %s do not pair", (question, answer, problem) => {
    expect(read("custom-markup.html", selectors(question, answer))).toMatchObject({ markup: null, faqs: [], problem });
  });

  it("fails a page where a question has no text", () => {
    expect(extractFaqs('<div class="q"><img src="q.png" alt="Opening times"></div><div class="a">9 to 5.</div>', selectors(".q", ".a")))
      .toMatchObject({ markup: null, faqs: [], problem: "--question-selector matched 1, --answer-selector 1: question 1 has no text" });
  });
});

describe("what counts as a question, measured on these pages", () => {
  // Every text a rule asks about (headings, bold text, <dt>s, toggles), once per page,
  // labelled by hand: a visitor's question, or not (a title, a menu, a prompt such as "Still have questions?").
  const FILES = ["blog-post.html", "nav-menu.html", "plain-headings.html", "zendesk-section.html", ...PAGES.map(([name]) => name)];
  const texts = FILES.flatMap((name) => [...new Set(Array.from(parseDocument(html(name)).querySelectorAll("h2, h3, h4, h5, h6, strong, b, dt, [aria-controls]"), lineOf))].filter((text) => text !== ""));
  // questions the rules leave out for other reasons: a link to another page, the page's chrome, one question heading on a page, or "How to"
  const ALSO_ASKED = ["Why did we try it?", "When will I get my refund?", "Which currencies can I pay in?", "Where is my booking?", "Why choose Aurora?", "How to pair the headphones with a second phone"];
  const asked = new Set([...PAGES.flatMap(([, , faqs]) => faqs.map(([question]) => question)), ...ALSO_ASKED]);
  const score = (rule: (text: string) => boolean) => ({
    found: texts.filter((text) => asked.has(text) && rule(text)).length,
    missed: texts.filter((text) => asked.has(text) && !rule(text)).length,
    wrong: texts.filter((text) => !asked.has(text) && rule(text)).length,
  });

  it("a question mark alone misses questions written without one; any wh- or verb opening takes section titles; isQuestion does neither", () => {
    expect([texts.length, texts.filter((text) => asked.has(text)).length]).toEqual([87, 33]);
    // misses "How long is the warranty on a battery", "Can I cancel my booking" and 2 more; takes "Still have questions?", "Was this article helpful?", "Need a hand?"
    expect(score((text) => /[?？؟]$/.test(text))).toEqual({ found: 29, missed: 4, wrong: 3 });
    // also takes "How it works", "What we do", "Who we are", "Why choose us", "Where to find us", "How to try it in your team"...
    expect(score((text) => /[?？؟]$/.test(text) || /^(how|what|why|when|where|who|which|can|do|does|is|are|will|should)\b/i.test(text))).toEqual({ found: 33, missed: 0, wrong: 12 });
    // misses only "How to pair the headphones with a second phone": "How to" opens blog and how-to titles too
    expect(score(isQuestion)).toEqual({ found: 32, missed: 1, wrong: 0 });
  });
});
