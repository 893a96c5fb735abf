import { HelpRequested } from "./cli-options";
import { UsageError } from "./usage-error";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a script's main and ends the process: a result other than undefined
 * is printed as one JSON line and the exit code is 0; -h or --help (thrown
 * by readOptions) prints the help on stdout, exit 0; an error is printed as
 * `name: message`, followed by the usage for an unreadable command line, and
 * the exit code is exitCode(error): 2 for a UsageError, 1 for anything else
 * by default. The exit is explicit because a failed wrangler or model start
 * can leave handles that keep node alive.
 */
export async function runCli(
  name: string,
  main: () => Promise<unknown>,
  describe: (error: unknown) => string = message,
  exitCode: (error: unknown) => number = (error) => (error instanceof UsageError ? error.exitCode : 1),
): Promise<never> {
  try {
    const result = await main();
    if (result !== undefined) console.log(JSON.stringify(result));
    process.exit(0);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(error.text);
      process.exit(0);
    }
    console.error(`${name}: ${describe(error)}`);
    if (error instanceof UsageError && error.usage) console.error(error.usage);
    process.exit(exitCode(error));
  }
}
