/**
 * The figure markers in a Markdown page. A figure in a sentence or a table
 * cell is wrapped inline:
 *
 *   the bundle is <!-- fig bundle.gzipKiB -->67.7 KiB<!-- /fig --> gzipped
 *
 * and a generated block (a whole table) sits between two lines of its own:
 *
 *   <!-- figs kernels.table -->
 *
 *   | N | ... |
 *
 *   <!-- /figs -->
 *
 * HTML comments do not show on GitHub or in other Markdown renderers. The
 * blank lines keep a generated table a block of its own.
 */

export interface Marker {
  kind: "fig" | "figs";
  /** The figure's name: the results file's stem, a dot, then the figure's key. */
  name: string;
  /** 1-based line of the opening marker. */
  line: number;
  /** Where the marked text starts and ends in the page. */
  start: number;
  end: number;
  text: string;
}

export interface MarkerError {
  line: number;
  message: string;
}

const NAME = "[A-Za-z0-9][\\w.-]*";
const OPENING = new RegExp(`<!-- (figs?) (${NAME}) -->`, "g");

const lineAt = (page: string, offset: number) => page.slice(0, offset).split("\n").length;

/** Every marker of a page, in order, and what is wrong with any that cannot be read. */
export function findMarkers(page: string): { markers: Marker[]; errors: MarkerError[] } {
  const markers: Marker[] = [];
  const errors: MarkerError[] = [];
  for (const open of page.matchAll(OPENING)) {
    const kind = open[1] as Marker["kind"];
    const name = open[2]!;
    const line = lineAt(page, open.index);
    let start = open.index + open[0].length;
    const close = `<!-- /${kind} -->`;
    const end = page.indexOf(close, start);
    const nextOpening = page.slice(start).search(/<!-- figs? /);
    if (end < 0 || (nextOpening >= 0 && start + nextOpening < end)) {
      errors.push({ line, message: `${kind} ${name} is not closed by ${close} before the next marker` });
      continue;
    }
    if (kind === "fig" && page.slice(start, end).includes("\n")) {
      errors.push({ line, message: `fig ${name} spans lines: a figure of several lines is a <!-- figs ... --> block` });
      continue;
    }
    if (kind === "figs") {
      const ownLine = (at: number, length: number) => (at === 0 || page[at - 1] === "\n") && (page[at + length] === "\n" || at + length === page.length);
      if (!ownLine(open.index, open[0].length) || !ownLine(end, close.length)) {
        errors.push({ line, message: `figs ${name}: a block's markers each need a line of their own` });
        continue;
      }
      start += 1; // past the opening line's end
    }
    markers.push({ kind, name, line, start, end, text: page.slice(start, end) });
  }
  return { markers, errors };
}

/** What a block marker holds for a generated text: a blank line, the text, a blank line. */
export const blockText = (generated: string) => `\n${generated.replace(/\n+$/, "")}\n\n`;

/** The page with each marker's text replaced by `replacement(marker)`, or left as it is where that gives null. */
export function replaceMarkers(page: string, markers: readonly Marker[], replacement: (marker: Marker) => string | null): string {
  let out = "";
  let at = 0;
  for (const marker of markers) {
    const text = replacement(marker);
    if (text === null) continue;
    out += page.slice(at, marker.start) + text;
    at = marker.end;
  }
  return out + page.slice(at);
}
