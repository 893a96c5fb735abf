/**
 * The command line cannot work: an unknown or malformed option, a value out
 * of range, or options that do not go together. The message says which and
 * why; every CLI exits with 2 for it (1 is for everything else: bad input
 * files, missing credentials, failed calls).
 */
export class UsageError extends Error {
  readonly exitCode = 2;

  /**
   * `usage`: the command's usage line (and where its options are listed),
   * printed after the message when the command line itself could not be
   * read: an unknown or malformed option.
   */
  constructor(message: string, readonly usage?: string) {
    super(message);
  }
}
