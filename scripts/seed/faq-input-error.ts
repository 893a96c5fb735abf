/** Invalid FAQ input: names the file, the line (when there is one) and the problem. */
export class FaqInputError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly problem: string) {
    super(`${file}${line === null ? "" : `:${line}`}: ${problem}`);
    this.name = "FaqInputError";
  }
}
