/**
 * A results file and the figures the docs take from it. A figure's name in
 * the docs is the file's stem, a dot and its key: `bundle.gzipKiB` is key
 * `gzipKiB` of bench/results/bundle.json.
 */
export interface FigureSource<Results = never> {
  /** The results file, from the repository's root. */
  file: string;
  /** The command that writes it, for the report when it is missing. */
  command: string;
  /** Key -> the figure's text (a line, or a whole table for a block marker) from the parsed file. */
  figures: Record<string, (results: Results) => string>;
}

/** The stem that prefixes a source's figure names: bench/results/bundle.json gives "bundle". */
export const stemOf = (file: string) => file.replace(/^.*\//, "").replace(/\.json$/, "");

/** Declares a source with its results' type, checked where the figures read it. */
export const figureSource = <Results>(source: FigureSource<Results>): FigureSource<Results> => source;
