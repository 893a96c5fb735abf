import { describe, expect, it } from "vitest";
import { blockText, findMarkers, replaceMarkers } from "./markers";

const PAGE = [
  "# Speed",                                                            // 1
  "Gzipped: <!-- fig bundle.gzipKiB -->67.7 KiB<!-- /fig -->, raw <!-- fig bundle.rawKiB -->221 KiB<!-- /fig -->.", // 2
  "",                                                                   // 3
  "<!-- figs kernels.table -->",                                        // 4
  "",                                                                   // 5
  "| N | f32 |",                                                        // 6
  "",                                                                   // 7
  "<!-- /figs -->",                                                     // 8
  "The end.",                                                           // 9
].join("\n");

describe("findMarkers", () => {
  it("finds inline figures and blocks with their names, lines and texts", () => {
    const { markers, errors } = findMarkers(PAGE);
    expect(errors).toEqual([]);
    expect(markers.map(({ kind, name, line, text }) => ({ kind, name, line, text }))).toEqual([
      { kind: "fig", name: "bundle.gzipKiB", line: 2, text: "67.7 KiB" },
      { kind: "fig", name: "bundle.rawKiB", line: 2, text: "221 KiB" },
      { kind: "figs", name: "kernels.table", line: 4, text: "\n| N | f32 |\n\n" },
    ]);
  });

  it("reports a marker left open, a figure over two lines and a block marker sharing its line", () => {
    const { markers, errors } = findMarkers([
      "a <!-- fig a.open -->1 ms and <!-- fig a.next -->2 ms<!-- /fig -->",
      "b <!-- fig b.split -->3",
      "ms<!-- /fig -->",
      "c <!-- figs c.table -->",
      "| x |",
      "<!-- /figs -->",
    ].join("\n"));
    expect(markers.map((m) => m.name)).toEqual(["a.next"]);
    expect(errors).toEqual([
      { line: 1, message: "fig a.open is not closed by <!-- /fig --> before the next marker" },
      { line: 2, message: "fig b.split spans lines: a figure of several lines is a <!-- figs ... --> block" },
      { line: 4, message: "figs c.table: a block's markers each need a line of their own" },
    ]);
  });
});

describe("replaceMarkers", () => {
  it("replaces the texts it is given and leaves the others and everything around them alone", () => {
    const { markers } = findMarkers(PAGE);
    const out = replaceMarkers(PAGE, markers, (m) => (m.name === "bundle.gzipKiB" ? "73.2 KiB" : m.kind === "figs" ? blockText("| N | f32 |\n| 1 | 2 |\n") : null));
    expect(out).toBe(PAGE.replace("67.7 KiB", "73.2 KiB").replace("| N | f32 |\n", "| N | f32 |\n| 1 | 2 |\n"));
    expect(findMarkers(out).markers.map((m) => m.text)).toEqual(["73.2 KiB", "221 KiB", "\n| N | f32 |\n| 1 | 2 |\n\n"]);
  });
});
