/**
 * `npm run docs:figures`: writes every measured figure of README.md and
 * docs/ from the results files (bench/results/*.json, the evals' summaries),
 * through the markers around them (scripts/docs-figures/markers.ts). With
 * --check it changes nothing and exits 1 listing each figure that disagrees
 * with its results file, or whose file is missing. Which figure comes from
 * which file, and how it is written: scripts/docs-figures/sources/.
 */
import { reportLines, runFigures } from "./docs-figures/check-docs";
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";

export const DOCS_FIGURES_COMMAND = {
  name: "docs:figures",
  run: "npm run docs:figures --",
  summary: `Writes the measured figures of README.md and docs/ from bench/results/*.json, where the pages
mark them. A missing results file is reported, and its figures are left as they are.`,
  options: [
    { name: "check", type: "boolean", description: "change nothing; exit 1 listing every figure that disagrees with its results file, or whose file is missing" },
    { name: "root", type: "string", valueName: "DIR", default: ".", description: "the repository whose docs and results to read" },
  ],
  examples: ["npm run docs:figures", "npm run docs:figures -- --check"],
} as const satisfies CliCommand;

async function main(argv: string[]) {
  const options = readOptions(DOCS_FIGURES_COMMAND, argv);
  const { problems, differing, rewritten } = await runFigures(options.root, !options.check);
  for (const doc of rewritten) {
    const count = differing.filter((p) => p.doc === doc).length;
    console.log(`rewrote ${count} figure${count === 1 ? "" : "s"} in ${doc}`);
  }
  const lines = reportLines(problems);
  if (options.check && lines.length > 0) throw new Error(`the docs and the results disagree:\n${lines.join("\n")}`);
  for (const line of lines) console.error(line);
  // missing files are reported and tolerated when writing; anything else cannot be written
  if (problems.some((p) => p.kind !== "missing-file")) throw new Error("some figures could not be written (above)");
  if (options.check) console.log("every figure agrees with its results file");
}

if (isMain(import.meta.url)) await runCli("docs:figures", () => main(process.argv.slice(2)));
