import { readFile } from "node:fs/promises";

/** Invalid FAQ input: names the file, the line (when there is one) and the problem. */
export class FaqInputError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly problem: string) {
    super(`${file}${line === null ? "" : `:${line}`}: ${problem}`);
    this.name = "FaqInputError";
  }
}

/** An input file's text; a file that cannot be read is a FaqInputError naming it. */
export async function readInputText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new FaqInputError(file, null, "cannot read the file");
  }
}
