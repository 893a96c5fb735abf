/**
 * docs/api.md's table of errors lists exactly the codes the Worker can
 * answer with, read from where src/ raises them, each under its status.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** The Worker's source files, tests left out. */
function sourceFiles(dir = "src"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

// Where a code is raised with its status, and where the status comes from elsewhere (the class, the parameter tables).
const WITH_STATUS = [
  /new ApiError\(\s*(\d{3}),\s*"([a-z_]+)"/g,
  /super\(\s*(\d{3}),\s*"([a-z_]+)"/g,
  /^\s*(\d{3}): "([a-z_]+)",$/gm, // HTTP_EXCEPTION_CODES
  /c\.json\(errorBody\("([a-z_]+)",[^)]*\),\s*(\d{3})\)/g,
];
const BAD_REQUEST = [/badRequest\(\s*"([a-z_]+)"/g, /^\s*[A-Za-z_]+: \["([a-z_]+)", /gm];
const STATUS_OF_CLASS: Array<[RegExp, (code: string) => number]> = [
  [/new IndexUnavailableError\(\s*"([a-z_]+)"/g, () => 503],
  [/new UpstreamError\(\s*"([a-z_]+)"/g, (code) => (code === "upstream_timeout" ? 504 : 502)],
];

/** Every "status code" pair src/ can answer with. */
function raisedCodes(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles()) {
    const text = readFileSync(file, "utf8");
    for (const pattern of WITH_STATUS) {
      for (const m of text.matchAll(pattern)) found.add(/^\d/.test(m[1]!) ? `${m[1]} ${m[2]}` : `${m[2]} ${m[1]}`);
    }
    for (const pattern of BAD_REQUEST) for (const m of text.matchAll(pattern)) found.add(`400 ${m[1]}`);
    for (const [pattern, status] of STATUS_OF_CLASS) for (const m of text.matchAll(pattern)) found.add(`${status(m[1]!)} ${m[1]}`);
  }
  // a refusal raised by Hono's own middleware: listed by status in the sentence under the table, not as rows
  for (const generic of ["400 bad_request", "403 forbidden", "408 request_timeout"]) found.delete(generic);
  return found;
}

/** The "status code" pairs of docs/api.md's errors table. */
function documentedCodes(): Set<string> {
  const page = readFileSync("docs/api.md", "utf8");
  const table = page.slice(page.indexOf("## Errors"));
  const documented = new Set<string>();
  for (const [, status, codes] of table.matchAll(/^\| (\d{3}) \| ([^|]+) \|/gm)) {
    for (const [, code] of codes!.matchAll(/`([a-z_]+)`/g)) documented.add(`${status} ${code}`);
  }
  return documented;
}

describe("docs/api.md's errors", () => {
  it("finds the codes where src/ raises them", () => {
    const raised = raisedCodes();
    // one of each way a code is raised, so that a pattern that stops matching fails here
    for (const pair of ["400 missing_query", "400 invalid_collection", "401 unauthorized", "404 unknown_draft", "500 config_invalid", "500 internal_error", "503 index_unavailable", "504 upstream_timeout", "413 payload_too_large", "400 invalid_group_key"]) {
      expect(raised).toContain(pair);
    }
  });

  it("lists every code the Worker answers with, under its status, and no other", () => {
    const raised = [...raisedCodes()].sort();
    expect([...documentedCodes()].sort()).toEqual(raised);
  });
});
