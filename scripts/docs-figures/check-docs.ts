import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stemOf, type FigureSource } from "./figure-source";
import { blockText, findMarkers, replaceMarkers, type Marker } from "./markers";
import { FIGURE_SOURCES } from "./sources";

/** Something the docs and the results files do not agree on, at a marker of a page. */
export interface Problem {
  kind: "differs" | "missing-file" | "bad-results" | "unknown-figure" | "bad-value" | "malformed";
  /** The page, from the root. */
  doc: string;
  line: number;
  /** The figure's name; empty for a marker that could not be read. */
  figure: string;
  message: string;
  /** The results file concerned, and the command that writes it. */
  file?: string;
  command?: string;
}

export interface FiguresRun {
  /** What disagrees or cannot be checked; with `write`, the figures it rewrote are not among them. */
  problems: Problem[];
  /** The figures that differed: rewritten with `write`, only reported without. */
  differing: Problem[];
  /** The pages rewritten (with `write`). */
  rewritten: string[];
}

/** README.md and every Markdown page under docs/, from the root, in a stable order. */
export async function docPages(root: string): Promise<string[]> {
  const pages = ["README.md"];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(join(root, dir), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".md")) pages.push(path);
    }
  };
  await walk("docs");
  return pages;
}

type Loaded = { results: unknown } | { missing: true } | { error: string };

/** Each source's results, read once, on first use. */
function resultsReader(root: string) {
  const cache = new Map<string, Promise<Loaded>>();
  return (source: FigureSource<never>): Promise<Loaded> => {
    let loaded = cache.get(source.file);
    if (!loaded) {
      loaded = readFile(join(root, source.file), "utf8").then(
        (text) => {
          try {
            return { results: JSON.parse(text) as unknown };
          } catch (error) {
            return { error: `${source.file} is not JSON: ${(error as Error).message}` };
          }
        },
        (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? { missing: true as const } : { error: `${source.file}: ${error.message}` }),
      );
      cache.set(source.file, loaded);
    }
    return loaded;
  };
}

/** The first line where two texts part, for a readable report of a block. */
function firstDifference(found: string, expected: string): string {
  const a = found.split("\n");
  const b = expected.split("\n");
  const at = a.findIndex((line, i) => line !== b[i]);
  const i = at < 0 ? a.length : at;
  return `line ${i + 1} of the block reads ${JSON.stringify(a[i] ?? "")}, the results give ${JSON.stringify(b[i] ?? "")}`;
}

/**
 * Checks every figure marker of README.md and docs/ against the results
 * files (`sources`), and with `write` rewrites the figures that differ.
 * A results file that does not exist is a problem only for the figures a
 * page takes from it; its figures keep their text.
 */
export async function runFigures(root: string, write: boolean, sources: ReadonlyArray<FigureSource<never>> = FIGURE_SOURCES): Promise<FiguresRun> {
  const byStem = new Map(sources.map((source) => [stemOf(source.file), source]));
  const load = resultsReader(root);
  const problems: Problem[] = [];
  const differing: Problem[] = [];
  const rewritten: string[] = [];

  for (const doc of await docPages(root)) {
    const page = await readFile(join(root, doc), "utf8");
    const { markers, errors } = findMarkers(page);
    for (const error of errors) problems.push({ kind: "malformed", doc, line: error.line, figure: "", message: error.message });

    const replacements = new Map<Marker, string>();
    for (const marker of markers) {
      const at = { doc, line: marker.line, figure: marker.name };
      const dot = marker.name.indexOf(".");
      const source = byStem.get(marker.name.slice(0, dot));
      const figure = source?.figures[marker.name.slice(dot + 1)];
      if (!source || !figure) {
        problems.push({ kind: "unknown-figure", ...at, message: `no results file gives a figure named ${marker.name} (scripts/docs-figures/sources/)` });
        continue;
      }
      const where = { file: source.file, command: source.command };
      const loaded = await load(source);
      if ("missing" in loaded) {
        problems.push({ kind: "missing-file", ...at, ...where, message: `missing results file ${source.file} (${source.command})` });
        continue;
      }
      if ("error" in loaded) {
        problems.push({ kind: "bad-results", ...at, ...where, message: loaded.error });
        continue;
      }
      let text: string;
      try {
        text = figure(loaded.results as never);
      } catch (error) {
        problems.push({ kind: "bad-value", ...at, ...where, message: `${source.file} has no usable value for ${marker.name}: ${(error as Error).message}` });
        continue;
      }
      const expected = marker.kind === "figs" ? blockText(text) : text;
      if (marker.text === expected) continue;
      const message = marker.kind === "figs"
        ? `${marker.name} (a block) disagrees with ${source.file}: ${firstDifference(marker.text, expected)}`
        : `${marker.name} reads ${JSON.stringify(marker.text)}, ${source.file} gives ${JSON.stringify(expected)}`;
      differing.push({ kind: "differs", ...at, ...where, message });
      replacements.set(marker, expected);
    }

    if (write && replacements.size > 0) {
      await writeFile(join(root, doc), replaceMarkers(page, markers, (marker) => replacements.get(marker) ?? null));
      rewritten.push(doc);
    }
  }
  return { problems: write ? problems : [...differing, ...problems].sort((a, b) => a.doc.localeCompare(b.doc) || a.line - b.line), differing, rewritten };
}

/** The report: one line per problem, but one line per missing results file with the figures that wait for it. */
export function reportLines(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  const missing = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.kind === "missing-file") missing.set(problem.file!, [...(missing.get(problem.file!) ?? []), problem]);
    else lines.push(`${problem.doc}:${problem.line}: ${problem.message}`);
  }
  for (const [file, waiting] of missing) {
    const pages = [...new Set(waiting.map((p) => p.doc))].join(", ");
    lines.push(`missing results file ${file}: ${waiting.length === 1 ? "1 figure" : `${waiting.length} figures`} in ${pages} ${waiting.length === 1 ? "waits" : "wait"} for it (${waiting[0]!.command}, then npm run docs:figures)`);
  }
  return lines;
}
