/**
 * Every CLI answers --help (or -h) with its usage, each option and an
 * example on stdout, exit 0, before it starts anything; and a mistyped option
 * with one line naming it and the usage on stderr, exit 2, never a stack
 * trace. One process per case (about a second each), three at a time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./helpers";

const CLIS = [
  { script: "scripts/dev.ts", name: "start", run: "npm start --", help: "--help", options: ["input", "from-page", "sitemap", "persist-to"] },
  {
    script: "scripts/seed.ts", name: "seed", run: "npm run seed --", help: "--help",
    options: ["input", "embedder", "out", "kv", "batch-size", "concurrency", "cache", "no-cache", "max-retries", "answer-threshold", "answer-precision",
      "no-calibrate", "calibrate-with", "calibration-file", "language", "synonyms", "vectors", "config", "persist-to", "verbose", "hub", "private", "license",
      "hub-url", "hub-message", "from-hub", "dry-run", "from-page", "sitemap", "category-from", "max-pages", "allow-host", "strict", "page-timeout-ms",
      "question-selector", "answer-selector"],
  },
  { script: "scripts/rollback.ts", name: "rollback", run: "npm run rollback --", help: "--help", options: ["kv", "persist-to", "config", "verbose", "to"] },
  { script: "scripts/calibrate.ts", name: "calibrate", run: "npm run calibrate --", help: "-h", options: ["embedder", "dataset", "answer-precision", "calibration-file"] },
  { script: "scripts/eval.ts", name: "eval", run: "npm run eval --", help: "--help", options: ["dataset", "typos", "concurrency"] },
  { script: "scripts/inbox.ts", name: "inbox", run: "npm run inbox --", help: "--help", options: ["local", "remote", "persist-to", "config", "since", "limit", "json", "export-labels"] },
  { script: "scripts/inference-server.ts", name: "inference-server", run: "npm run inference-server --", help: "-h", options: ["port", "allow-faults"] },
  { script: "scripts/docs-figures.ts", name: "docs:figures", run: "npm run docs:figures --", help: "--help", options: ["check", "root"] },
];

/** Runs every case, at most three processes at a time on this 2-core machine. */
async function runAll<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  };
  await Promise.all([lane(), lane(), lane()]);
  return results;
}

// An unusable PORT and INFERENCE_PORT: a CLI that went past its options would stop with exit 1 instead.
const env = { PORT: "not-a-port", INFERENCE_PORT: "not-a-port" };
const cases = CLIS.flatMap((cli) => [{ cli, argv: [cli.help] }, { cli, argv: ["--frobnicate"] }]);
let results: Array<{ code: number | null; stdout: string; stderr: string }> = [];
const resultOf = (script: string, argv: string[]) => results[cases.findIndex((c) => c.cli.script === script && c.argv[0] === argv[0])]!;

beforeAll(async () => {
  results = await runAll(cases, ({ cli, argv }) => runScript(cli.script, argv, env));
}, 120_000);

describe("every CLI", () => {
  describe.each(CLIS)("$name", (cli) => {
    it(`answers ${cli.help} with the usage, every option and an example on stdout, exit 0`, () => {
      const { code, stdout, stderr } = resultOf(cli.script, [cli.help]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout.split("\n")[0]).toBe(`Usage: ${cli.run} [options]`);
      for (const option of [...cli.options, "help"]) expect(stdout).toMatch(new RegExp(`^  (-\\w, )?--${option}\\b`, "m"));
      expect(stdout).toMatch(/^Examples?:$/m);
      expect(stdout).toMatch(new RegExp(`^  (\\w+=\\S+ )*${cli.run.replace(/ --$/, "")}`, "m"));
    });

    it("answers an unknown option with one line naming it and the usage on stderr, exit 2, no stack", () => {
      const { code, stdout, stderr } = resultOf(cli.script, ["--frobnicate"]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      expect(stderr.trimEnd().split("\n")).toEqual([
        `${cli.name}: Unknown option '--frobnicate'`,
        `Usage: ${cli.run} [options]`,
        `${cli.run} --help lists the options, with an example.`,
      ]);
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  });
});
