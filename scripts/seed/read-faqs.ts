import { extname } from "node:path";
import type { FaqRecord } from "../../src/faq-record";
import { FaqInputError, readInputText } from "./faq-input-error";
import { arrayElementSpans, firstBadElementLine } from "./json-array-lines";
import { parseCsv } from "./parse-csv";
import { FAQ_FIELDS, validateFaq } from "./validate-faq";

interface RawFaq {
  line: number;
  value: unknown;
}

function fromJsonArray(file: string, text: string): RawFaq[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse does not say where (Node 20); find the element that fails alone.
    const line = firstBadElementLine(text);
    throw new FaqInputError(file, line, line === null ? "invalid JSON (the array itself is malformed)" : "invalid JSON");
  }
  if (!Array.isArray(parsed)) throw new FaqInputError(file, 1, "a .json file must hold an array of FAQs");
  const spans = arrayElementSpans(text);
  return parsed.map((value, i) => ({ line: spans[i]?.line ?? 1, value }));
}

function fromJsonLines(file: string, text: string): RawFaq[] {
  const faqs: RawFaq[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    if (content.trim() === "") return;
    try {
      faqs.push({ line: i + 1, value: JSON.parse(content) });
    } catch {
      throw new FaqInputError(file, i + 1, "invalid JSON");
    }
  });
  return faqs;
}

function fromCsv(file: string, text: string): RawFaq[] {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    const { line, problem } = error as { line: number; problem: string };
    throw new FaqInputError(file, line, problem);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  const columns = header.cells.map((name) => name.trim().toLowerCase());
  const unknown = columns.find((name) => !(FAQ_FIELDS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new FaqInputError(file, header.line, `unknown column "${unknown}" (allowed: ${FAQ_FIELDS.join(", ")})`);
  if (!columns.includes("question")) throw new FaqInputError(file, header.line, 'the header has no "question" column');
  if (new Set(columns).size !== columns.length) throw new FaqInputError(file, header.line, "a column is named twice");
  return body.map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw new FaqInputError(file, line, `expected ${columns.length} cells, found ${cells.length}`);
    }
    return { line, value: Object.fromEntries(columns.map((name, i) => [name, cells[i]])) };
  });
}

/**
 * Reads FAQs from a JSON array (.json), JSON Lines (.jsonl, .ndjson) or CSV
 * (.csv, header `id,question,answer,url,category`, any order, question
 * required). Ids default to the row order ("0", "1", ...). Throws
 * FaqInputError naming the file and line of the first problem.
 */
export async function readFaqs(file: string): Promise<FaqRecord[]> {
  return parseFaqs(file, await readInputText(file));
}

/** readFaqs on text already in memory; `file` names it in errors, `extension` (by default file's) picks the format. */
export function parseFaqs(file: string, text: string, extension = extname(file).toLowerCase()): FaqRecord[] {
  const raw =
    extension === ".json" ? fromJsonArray(file, text)
    : extension === ".jsonl" || extension === ".ndjson" ? fromJsonLines(file, text)
    : extension === ".csv" ? fromCsv(file, text)
    : null;
  if (raw === null) throw new FaqInputError(file, null, "unsupported file type (use .json, .jsonl or .csv)");
  if (raw.length === 0) throw new FaqInputError(file, null, "no FAQs found");

  const seen = new Map<string, number>();
  return raw.map(({ line, value }, position) => {
    const result = validateFaq(value, String(position));
    if (typeof result === "string") throw new FaqInputError(file, line, result);
    const firstLine = seen.get(result.id);
    if (firstLine !== undefined) throw new FaqInputError(file, line, `duplicate id "${result.id}" (first on line ${firstLine})`);
    seen.set(result.id, line);
    return result;
  });
}
