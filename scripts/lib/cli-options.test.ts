import { describe, expect, it } from "vitest";
import { HelpRequested, helpText, readOptions, type CliCommand } from "./cli-options";
import { UsageError } from "./usage-error";

const DEMO = {
  name: "demo",
  run: "npm run demo --",
  summary: "Shows what the table gives.\nSecond line.",
  options: [
    { name: "kv", type: "string", choices: ["local", "remote"], default: "local", description: "where the index goes" },
    { name: "limit", type: "string", integer: [1, 50], default: "20", description: "groups shown at most" },
    { name: "input", type: "string", valueName: "FILE", defaultText: "data/faqs.json", description: "the FAQs" },
    { name: "from-page", type: "string", multiple: true, valueName: "URL", description: "a page to read" },
    { name: "since", type: "string", description: "a date" },
    { name: "json", type: "boolean", description: "print JSON" },
  ],
  environment: [["PORT", "the Worker's port"]],
  examples: ["npm run demo -- --kv remote --limit 5"],
} as const satisfies CliCommand;

const problem = (argv: string[]) => {
  try {
    readOptions(DEMO, argv);
  } catch (error) {
    if (error instanceof UsageError) return { message: error.message, usage: error.usage, exitCode: error.exitCode };
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
};

describe("readOptions", () => {
  it("gives defaults: strings as given, integers as numbers, flags off, lists empty, the rest undefined", () => {
    expect(readOptions(DEMO, [])).toEqual({ kv: "local", limit: 20, "from-page": [], json: false });
    const values = readOptions(DEMO, ["--kv", "remote", "--limit=7", "--from-page", "a", "--from-page", "b", "--input", "x.json", "--json"]);
    expect(values).toEqual({ kv: "remote", limit: 7, "from-page": ["a", "b"], input: "x.json", json: true });
    // the types follow the table
    const typed: { kv: string; limit: number; "from-page": string[]; input: string | undefined; since: string | undefined; json: boolean } = values;
    expect(typed.limit + 1).toBe(8);
  });

  it.each([
    [["--kv", "cloud"], "--kv must be one of local, remote"],
    [["--limit", "0"], "--limit must be an integer from 1 to 50"],
    [["--limit", "2.5"], "--limit must be an integer from 1 to 50"],
    [["--limit", " "], "--limit must be an integer from 1 to 50"],
  ])("%j: %s, exit 2, no usage line", (argv, message) => {
    expect(problem(argv)).toEqual({ message, usage: undefined, exitCode: 2 });
  });

  it.each([
    [["--frobnicate"], "Unknown option '--frobnicate'"],
    [["--lmit", "3"], "Unknown option '--lmit' (did you mean --limit?)"],
    [["--from"], "Unknown option '--from' (did you mean --from-page?)"],
    [["-x"], "Unknown option '-x'"],
    [["--kv"], "Option '--kv <value>' argument missing"],
    [["--kv", "--json"], "Option '--kv' needs a value (one that starts with a dash is written --kv=-VALUE)"],
    [["--json=yes"], "Option '--json' does not take an argument"],
    [["stray"], "Unexpected argument 'stray'. This command does not take positional arguments"],
  ])("%j is one line, then the usage: %s", (argv, message) => {
    expect(problem(argv)).toEqual({ message, usage: "Usage: npm run demo -- [options]\nnpm run demo -- --help lists the options, with an example.", exitCode: 2 });
  });

  it("answers -h and --help with the help, even beside a bad option, but not after --", () => {
    for (const argv of [["--help"], ["-h"], ["--kv", "remote", "--help"], ["--frobnicate", "-h"]]) {
      expect(() => readOptions(DEMO, argv)).toThrow(HelpRequested);
    }
    expect(problem(["--", "--help"]).message).toBe("Unexpected argument '--help'. This command does not take positional arguments");
  });
});

describe("helpText", () => {
  it("prints the usage, the summary, every option with its default, the environment and the example", () => {
    expect(helpText(DEMO)).toBe([
      "Usage: npm run demo -- [options]",
      "",
      "Shows what the table gives.",
      "Second line.",
      "",
      "Options:",
      "  --kv local|remote  where the index goes (default: local)",
      "  --limit N          groups shown at most (default: 20)",
      "  --input FILE       the FAQs (default: data/faqs.json)",
      "  --from-page URL    a page to read (repeatable)",
      "  --since VALUE      a date",
      "  --json             print JSON",
      "  -h, --help         print this help and exit",
      "",
      "Environment:",
      "  PORT  the Worker's port",
      "",
      "Example:",
      "  npm run demo -- --kv remote --limit 5",
      "",
    ].join("\n"));
  });

  it("wraps long descriptions beside the column, and puts a long option's description below it", () => {
    const text = helpText({
      ...DEMO,
      options: [
        { name: "question-selector-and-even-more", type: "string", valueName: "CSS", description: "x" },
        { name: "y", type: "boolean", description: Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ") },
      ],
    });
    const lines = text.split("\n");
    expect(lines.slice(6, 8)).toEqual(["  --question-selector-and-even-more CSS", `  ${" ".repeat(34)}x`]);
    expect(lines.slice(8).filter((line) => line.includes("word")).every((line) => line.length <= 100)).toBe(true);
    expect(lines[9]).toBe(`  ${" ".repeat(34)}${lines[9]!.trim()}`);
  });
});
