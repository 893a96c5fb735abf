const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a script's main and ends the process: a result other than undefined
 * is printed as one JSON line and the exit code is 0; an error is printed as
 * `name: message` and the exit code is exitCode(error), 1 by default. The
 * exit is explicit because a failed wrangler or model start can leave
 * handles that keep node alive.
 */
export async function runCli(
  name: string,
  main: () => Promise<unknown>,
  describe: (error: unknown) => string = message,
  exitCode: (error: unknown) => number = () => 1,
): Promise<never> {
  try {
    const result = await main();
    if (result !== undefined) console.log(JSON.stringify(result));
    process.exit(0);
  } catch (error) {
    console.error(`${name}: ${describe(error)}`);
    process.exit(exitCode(error));
  }
}
