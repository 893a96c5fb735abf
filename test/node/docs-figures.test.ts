/**
 * The docs' measured figures agree with bench/results/ (npm run docs:figures
 * -- --check over the real pages), and the check sees a figure that does
 * not: tampered pages and results, in a copy of the docs.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportLines, runFigures, type Problem } from "../../scripts/docs-figures/check-docs";
import { findMarkers } from "../../scripts/docs-figures/markers";
import { runScript } from "./helpers";

const described = (problems: Problem[]) => problems.map((p) => `${p.doc}:${p.line}: ${p.message}`);

describe("the figures of README.md and docs/", () => {
  it("agree with their results files", async () => {
    const { problems } = await runFigures(".", false);
    expect(described(problems)).toEqual([]);
  });

  it("are marked in the pages that hold measurements", async () => {
    const names = async (doc: string) => findMarkers(await readFile(doc, "utf8")).markers.map((m) => m.name.split(".")[0]);
    // every committed results file feeds some page: a page whose markers were stripped would check nothing
    const used = new Set((await Promise.all(["docs/performance.md", "docs/reliability.md", "docs/inbox.md", "docs/quality.md", "docs/widget.md"].map(names))).flat());
    expect([...used].sort()).toEqual(["bundle", "collections", "decode", "end-to-end", "eval-banking77", "eval-covidfaq-jhu", "eval-stackfaq", "inbox-grouping", "inbox-load", "kernels", "lexical", "soak", "typos"]);
  });
});

/** A plausible inbox load result, in the shape bench/inbox-load.ts writes: for a copy of the docs only. */
function inboxLoadResult() {
  const turn = (sent: number, p50Ms: number) => ({ sent, ok: sent, answered: 0, failed: 0, shed: 0, p50Ms, p99Ms: p50Ms * 4 });
  const steady = (perSecond: number) => ({
    perSecond, on: turn(perSecond * 60, 12.1), off: turn(perSecond * 60, 11.7), stored: { rows: perSecond * 60, askings: perSecond * 60 }, lost: 0, p50OnOverOff: 1.03,
    health: { logging: true, pending: 0, written: perSecond * 60, dropped: 0, failed: 0, retrying: 0 },
  });
  return {
    measuredAt: "2026-12-02T09:00:00.000Z", loadSeconds: 60, steady: { "40PerSecond": steady(40), "100PerSecond": steady(100) },
    overload: {
      perSecond: 400, flood: { ...turn(24_000, 80), ok: 23_990, failed: 10 }, stored: { askings: 20_000 }, notStored: 3990,
      health: { logging: true, pending: 0, written: 28_400, dropped: 3990, failed: 0, retrying: 0 },
      workerdRssMiB: { before: 150, during: 300, after: 310 }, afterwards: { asked: 20, stored: 20 },
    },
  };
}

/** A plausible eval summary, in the shape scripts/eval.ts writes: for a copy of the docs only. */
function evalSummary(dataset: string, base: number) {
  const metrics = (shift: number) => ({ top1: base + shift, mrr10: base + shift + 0.08, recall5: base + shift + 0.17 });
  const modes = { semantic: metrics(-0.17), lexical: metrics(-0.01), hybrid: metrics(0), bm25_peer: metrics(-0.27), orama: metrics(-0.21) };
  return {
    dataset, faqs: 125, queries: 1249, language: "en", fusionAlpha: 0.5, modes,
    answered: { target: 0.8, threshold: 0.8, precision: 0.812, coverage: 0.402, oracle_coverage: 0.455, ece: 0.041, out_of_scope_answered: 0.031 },
    typos: { modes, hybridTop1Ratio: 0.951 },
  };
}

describe("npm run docs:figures, on a copy of the docs", () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "faq-docs-figures-"));
    await cp("README.md", join(root, "README.md"));
    await cp("docs", join(root, "docs"), { recursive: true });
    await cp("bench/results", join(root, "bench/results"), { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const edit = async (file: string, change: (text: string) => string) => {
    const before = await readFile(join(root, file), "utf8");
    const after = change(before);
    expect(after).not.toBe(before);
    await writeFile(join(root, file), after);
  };
  const differing = async () => (await runFigures(root, false)).problems.filter((p) => p.kind === "differs");

  it("names a tampered figure in a sentence and in a generated table, with its page and line", async () => {
    expect(await differing()).toEqual([]);
    const bundle = JSON.parse(await readFile("bench/results/bundle.json", "utf8")) as { gzipKiB: number };
    await edit("docs/performance.md", (page) => page.replace(`<!-- fig bundle.gzipKiB -->${bundle.gzipKiB.toFixed(1)} KiB<!-- /fig -->`, "<!-- fig bundle.gzipKiB -->67.7 KiB<!-- /fig -->"));
    await edit("docs/reliability.md", (page) => page.replace(/(<!-- figs soak.table -->[\s\S]*?\| )([\d,]+)( \|)/, "$11$3"));

    const found = await differing();
    expect(found.map((p) => [p.doc, p.figure])).toEqual([["docs/performance.md", "bundle.gzipKiB"], ["docs/reliability.md", "soak.table"]]);
    const page = await readFile(join(root, "docs/performance.md"), "utf8");
    expect(page.split("\n")[found[0]!.line - 1]).toContain("bundle.gzipKiB");
    expect(found[0]!.message).toBe(`bundle.gzipKiB reads "67.7 KiB", bench/results/bundle.json gives "${bundle.gzipKiB.toFixed(1)} KiB"`);
    expect(found[1]!.message).toMatch(/^soak.table \(a block\) disagrees with bench\/results\/soak.json: line 4 of the block reads "\| 1 \|/);
  });

  it("names the figures a changed results file no longer matches", async () => {
    await edit("bench/results/soak.json", (json) => json.replace(/"p50Ms": \d+/, '"p50Ms": 7'));
    expect((await differing()).map((p) => `${p.doc} ${p.figure}`)).toEqual(["docs/reliability.md soak.table"]);
  });

  it("exits 1 with --check, listing each disagreement, and rewrites the figures without it", async () => {
    await edit("docs/performance.md", (page) => page.replace(/(<!-- fig lexical.kernelUs -->)[^<]*/, "$1999.9 µs"));
    const checked = await runScript("scripts/docs-figures.ts", ["--check", "--root", root]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/docs\/performance.md:\d+: lexical.kernelUs reads "999.9 µs", bench\/results\/lexical.json gives "[\d.]+ µs"/);

    const written = await runScript("scripts/docs-figures.ts", ["--root", root]);
    expect(written.stdout).toContain("rewrote 1 figure in docs/performance.md");
    expect(await differing()).toEqual([]);
  });

  it("reports a missing results file once, with the figures that wait for it, and fills them when it exists", async () => {
    // typos.json goes missing; the eval summaries and the inbox load results are replaced by made-up ones
    await rm(join(root, "bench/results/typos.json"));
    const { problems } = await runFigures(root, false);
    const missing = problems.filter((p) => p.file === "bench/results/typos.json");
    expect(missing.map((p) => [p.kind, p.doc, p.figure])).toEqual([["missing-file", "docs/quality.md", "typos.date"], ["missing-file", "docs/quality.md", "typos.table"]]);
    expect(reportLines(missing)).toEqual(["missing results file bench/results/typos.json: 2 figures in docs/quality.md wait for it (npm run bench:typos, then npm run docs:figures)"]);

    // the eval summaries, as `npm run eval -- --results` will write them: every marked figure gets its value
    for (const [set, base] of [["stackfaq", 0.75], ["banking77", 0.41], ["covidfaq-jhu", 0.52]] as const) {
      await writeFile(join(root, `bench/results/eval-${set}.json`), JSON.stringify(evalSummary(set, base)));
    }
    await writeFile(join(root, "bench/results/inbox-load.json"), JSON.stringify(inboxLoadResult()));
    await runFigures(root, true);
    const inbox = await readFile(join(root, "docs/inbox.md"), "utf8");
    expect(inbox).toContain("| 400 a second for 60 s (a flood) | 23,990 | 20,000 | shortfall 3,990; /health dropped 3,990, failed 0 | 80.0 ms |");
    expect(inbox).toContain("<!-- fig inbox-load.floodRss -->150 MiB before, 300 MiB during and 310 MiB after<!-- /fig -->");
    const quality = await readFile(join(root, "docs/quality.md"), "utf8");
    expect(quality).toContain("| **hybrid** (default) | 0.750 | 0.830 | 0.920 | 0.750 | 0.830 |");
    expect(quality).toMatch(/\| StackFAQ \| <!-- fig eval-stackfaq.target -->0.8<!-- \/fig --> \| <!-- fig eval-stackfaq.threshold -->0.800<!-- \/fig --> \| <!-- fig eval-stackfaq.precision -->0.812<!-- \/fig -->/);
    expect(quality).toContain("<!-- fig eval-banking77.hybridOverBest -->+0.010<!-- /fig -->");
    const after = (await runFigures(root, false)).problems.filter((p) => p.file !== "bench/results/typos.json");
    expect(described(after)).toEqual([]);
  });
});
