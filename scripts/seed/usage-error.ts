/** A flag or combination of flags that cannot work; the message says which and why. */
export class UsageError extends Error {
  /**
   * The exit code, 1 unless given. 2 is the usual code for a usage error:
   * newer checks use it, and the older ones keep 1 until the CLIs move to
   * option tables, so that scripts testing for 1 keep working meanwhile.
   */
  constructor(message: string, readonly exitCode: 1 | 2 = 1) {
    super(message);
  }
}
