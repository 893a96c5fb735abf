import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FaqInputError } from "../../scripts/seed/faq-input-error";
import { readFaqs } from "../../scripts/seed/read-faqs";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "faq-read-"));
});

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function problem(name: string, content: string): Promise<string> {
  const path = await fileWith(name, content);
  const error = await readFaqs(path).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FaqInputError);
  return (error as FaqInputError).message.replace(path, name);
}

const EXPECTED = [
  { id: "0", question: "How do I reset my password?", answer: "Use the link.", url: "https://help.test/reset", category: "Account" },
  { id: "1", question: "Where is my invoice?", answer: null, url: null, category: null },
];

describe("readFaqs", () => {
  it("reads a JSON array, defaulting ids to the row order", async () => {
    const path = await fileWith("a.json", JSON.stringify([
      { question: "How do I reset my password?", answer: "Use the link.", url: "https://help.test/reset", category: "Account" },
      { question: "  Where is my invoice?  " },
    ], null, 2));
    expect(await readFaqs(path)).toEqual(EXPECTED);
  });

  it("reads JSON Lines, skipping blank lines and keeping given ids", async () => {
    const path = await fileWith("a.jsonl", '{"id":"pw","question":"How do I reset my password?"}\n\n{"id":7,"question":"Where is my invoice?"}\n');
    expect((await readFaqs(path)).map((r) => [r.id, r.question])).toEqual([["pw", "How do I reset my password?"], ["7", "Where is my invoice?"]]);
  });

  it("reads CSV with quoted commas, quotes and line breaks, columns in any order", async () => {
    const csv = '\ufeffquestion,answer,url,category,id\r\n"How do I reset my password?","Use the link.",https://help.test/reset,Account,\r\n"Where is my invoice?",,,,\r\n';
    expect(await readFaqs(await fileWith("a.csv", csv))).toEqual(EXPECTED);
    const tricky = 'id,question,answer\nq1,"Commas, ""quotes""","line one\nline two"\n';
    expect(await readFaqs(await fileWith("b.csv", tricky))).toEqual([
      { id: "q1", question: 'Commas, "quotes"', answer: "line one\nline two", url: null, category: null },
    ]);
  });

  it("reads the bundled Medicare demo: 13 questions, ids 0 to 12", async () => {
    const faqs = await readFaqs("data/medicare-faqs.json");
    expect(faqs.map((f) => f.id)).toEqual(Array.from({ length: 13 }, (_, i) => String(i)));
    expect(faqs[8]!.question).toBe("How can I get help with my Medicare Part A and Part B premiums?");
  });

  it.each([
    ["bad.json", '[\n  {"question": "a"},\n  {"question": }\n]', "bad.json:3: invalid JSON"],
    ["trailing.json", '[{"question":"a"},]', "trailing.json: invalid JSON (the array itself is malformed)"],
    ["obj.json", '{"question": "a"}', "obj.json:1: a .json file must hold an array of FAQs"],
    ["noq.json", '[\n {"question":"a"},\n {"answer":"b"}\n]', "noq.json:3: question is required and must be a non-empty string"],
    ["blank.json", '[{"question":"   "}]', "blank.json:1: question is required and must be a non-empty string"],
    ["type.json", '[{"question":"a","answer":5}]', "type.json:1: answer must be a string"],
    ["field.json", '[{"question":"a","questoin":"b"}]', 'field.json:1: unknown field "questoin" (allowed: id, question, answer, url, category)'],
    ["url.json", '[{"question":"a","url":"javascript:alert(1)"}]', "url.json:1: url must be an http(s) URL"],
    ["dup.jsonl", '{"id":"x","question":"a"}\n{"id":"y","question":"b"}\n{"id":"x","question":"c"}', 'dup.jsonl:3: duplicate id "x" (first on line 1)'],
    ["badline.jsonl", '{"question":"a"}\n{oops}\n', "badline.jsonl:2: invalid JSON"],
    ["idtype.jsonl", '{"id":1.5,"question":"a"}', "idtype.jsonl:1: id must be a non-empty string or an integer"],
    ["noqcol.csv", "id,answer\n1,b\n", 'noqcol.csv:1: the header has no "question" column'],
    ["unknown.csv", "question,notes\na,b\n", 'unknown.csv:1: unknown column "notes" (allowed: id, question, answer, url, category)'],
    ["cells.csv", "id,question\n1,a\n2,b,extra\n", "cells.csv:3: expected 2 cells, found 3"],
    ["quote.csv", 'id,question\n1,"never closed\n2,b\n', "quote.csv:2: unterminated quoted field"],
    ["stray.csv", 'id,question\n1,"a"b\n', "stray.csv:2: unexpected text after a closing quote"],
    ["empty.json", "[]", "empty.json: no FAQs found"],
    ["empty.csv", "id,question\n", "empty.csv: no FAQs found"],
    ["faqs.txt", "question\na\n", "faqs.txt: unsupported file type (use .json, .jsonl or .csv)"],
  ])("reports %s with file, line and problem", async (name, content, message) => {
    expect(await problem(name, content)).toBe(message);
  });

  it("reports a missing file", async () => {
    const error = await readFaqs(join(dir, "missing.json")).catch((e: unknown) => e);
    expect((error as FaqInputError).problem).toBe("cannot read the file");
  });
});
