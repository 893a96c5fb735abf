/**
 * One table of options per command, read by node:util's parseArgs and
 * printed as the command's --help, so the two cannot drift apart.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error";

export interface CliOption {
  readonly name: string;
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** May be given more than once; the values come as a list, empty when not given. */
  readonly multiple?: boolean;
  /** Default of a string option, given to parseArgs and shown in the help. Flags default to off. */
  readonly default?: string;
  /** Shown as the default when it is decided after parsing (from other options or the environment). */
  readonly defaultText?: string;
  /** The allowed values; anything else is a usage error "--name must be one of a, b". */
  readonly choices?: readonly string[];
  /** The value is an integer from min to max (inclusive; max optional) and is returned as a number. */
  readonly integer?: readonly [min: number, max?: number];
  readonly description: string;
  /** The value's placeholder in the help: FILE, DIR, URL. Default: the choices, N for integers, VALUE. */
  readonly valueName?: string;
}

export interface CliCommand<Options extends readonly CliOption[] = readonly CliOption[]> {
  /** What messages start with ("seed: ..."). */
  readonly name: string;
  /** How it is run, up to the options: "npm run seed --". */
  readonly run: string;
  /** What it does, in a few lines. */
  readonly summary: string;
  readonly options: Options;
  /** Environment variables it reads, as [name, description]. */
  readonly environment?: ReadonlyArray<readonly [string, string]>;
  /** Whole command lines. */
  readonly examples: readonly string[];
}

type ValueOf<O extends CliOption> = O extends { type: "boolean" } ? boolean
  : O extends { multiple: true } ? string[]
  : O extends { integer: readonly unknown[] } ? number
  : O extends { choices: ReadonlyArray<infer Choice> } ? Choice
  : string;
type AlwaysSet<O extends CliOption> = O extends { type: "boolean" } | { multiple: true } | { default: string } ? true : false;

/** What parsing returns: flags are booleans, repeatable options lists, integers numbers, choices their union; options without a default may be undefined. */
export type CliValues<Options extends readonly CliOption[]> = {
  [O in Options[number] as O["name"]]: AlwaysSet<O> extends true ? ValueOf<O> : ValueOf<O> | undefined;
};

/** Thrown for -h or --help: the text to print on stdout before exiting with 0. */
export class HelpRequested extends Error {
  constructor(readonly text: string) {
    super("help requested");
  }
}

const HELP: CliOption = { name: "help", type: "boolean", short: "h", description: "print this help and exit" };

const valueName = (option: CliOption) =>
  option.valueName ?? (option.choices ? option.choices.join("|") : option.integer ? "N" : "VALUE");

function integerRange([min, max]: readonly [number, number?]): string {
  if (max !== undefined) return `an integer from ${min} to ${max}`;
  return min === 1 ? "a positive integer" : min === 0 ? "a non-negative integer" : `an integer of at least ${min}`;
}

/** Splits text into lines of at most `width` characters at spaces (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

const WIDTH = 100;
const LEFT_MAX = 34;

/** Rows of a two-column list: the left column padded, the right one wrapped beside it (or below a long left one). */
function columns(rows: Array<[string, string]>): string[] {
  const left = Math.min(LEFT_MAX, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows.flatMap(([l, r]) => {
    const [first = "", ...rest] = wrap(r, WIDTH - 2 - left);
    const head = l.length + 2 > left ? [`  ${l}`, `  ${" ".repeat(left)}${first}`] : [`  ${l.padEnd(left)}${first}`];
    return [...head, ...rest.map((line) => `  ${" ".repeat(left)}${line}`)];
  });
}

/** The usage line: how to run the command. */
export const usageLine = (command: CliCommand) => `Usage: ${command.run} [options]`;

/** The --help text: usage, what the command does, every option with its default, the environment it reads, examples. */
export function helpText(command: CliCommand): string {
  const rows = [...command.options, HELP].map((option): [string, string] => {
    const flag = `${option.short ? `-${option.short}, ` : ""}--${option.name}${option.type === "string" ? ` ${valueName(option)}` : ""}`;
    const shown = option.defaultText ?? option.default;
    const notes = [option.multiple ? "repeatable" : "", shown !== undefined ? `default: ${shown}` : ""].filter(Boolean).join("; ");
    return [flag, notes ? `${option.description} (${notes})` : option.description];
  });
  return [
    usageLine(command),
    "",
    ...command.summary.trim().split("\n"),
    "",
    "Options:",
    ...columns(rows),
    ...(command.environment?.length ? ["", "Environment:", ...columns(command.environment.map(([name, text]) => [name, text]))] : []),
    "",
    command.examples.length > 1 ? "Examples:" : "Example:",
    ...command.examples.map((example) => `  ${example}`),
  ].join("\n") + "\n";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** parseArgs's message in one line, with the nearest option name for a typo. */
function parseProblem(error: Error & { code?: string }, options: readonly CliOption[]): string {
  const unknown = /^Unknown option '--([^'=]+)/.exec(error.message);
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    const typed = unknown[1]!;
    // an option the typed name begins, when only one does; else the nearest within two edits
    const prefixed = options.filter((o) => o.name.startsWith(typed));
    const near = options.map((o) => ({ name: o.name, distance: editDistance(typed, o.name) })).sort((a, b) => a.distance - b.distance)[0];
    const name = prefixed.length === 1 ? prefixed[0]!.name : near && near.distance <= 2 ? near.name : null;
    const guess = name ? ` (did you mean --${name}?)` : "";
    return `${error.message.split("\n")[0]}${guess}`;
  }
  const ambiguous = /^Option '(--?[\w-]+)' argument is ambiguous/.exec(error.message);
  if (ambiguous) return `Option '${ambiguous[1]}' needs a value (one that starts with a dash is written ${ambiguous[1]}=-VALUE)`;
  return error.message.split("\n")[0]!;
}

/**
 * Reads `argv` against the command's table. Throws HelpRequested for -h or
 * --help (which wins over any other problem), and UsageError for an unknown
 * or malformed option (with the usage line to print after it) or a value
 * that is not one of `choices` or not an integer in range.
 */
export function readOptions<const Options extends readonly CliOption[]>(command: CliCommand<Options>, argv: readonly string[]): CliValues<Options> {
  const config = Object.fromEntries([...command.options, HELP].map((option) => [option.name, {
    type: option.type,
    ...(option.short && { short: option.short }),
    ...(option.multiple && { multiple: true }),
    ...(option.type === "boolean" ? { default: false } : option.multiple ? { default: [] } : option.default !== undefined ? { default: option.default } : {}),
  }]));
  const asksHelp = () => argv.slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length).some((arg) => arg === "--help" || arg === "-h");
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: config as NonNullable<ParseArgsConfig["options"]>, strict: true, allowPositionals: false }));
  } catch (error) {
    if (asksHelp()) throw new HelpRequested(helpText(command));
    throw new UsageError(parseProblem(error as Error & { code?: string }, command.options), usageHint(command));
  }
  if (values.help) throw new HelpRequested(helpText(command));
  delete values.help;
  for (const option of command.options) {
    const value = values[option.name];
    if (typeof value !== "string") continue;
    if (option.choices && !option.choices.includes(value)) throw new UsageError(`--${option.name} must be one of ${option.choices.join(", ")}`);
    if (option.integer) {
      const number = value.trim() === "" ? Number.NaN : Number(value);
      const [min, max = Number.POSITIVE_INFINITY] = option.integer;
      if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`--${option.name} must be ${integerRange(option.integer)}`);
      values[option.name] = number;
    }
  }
  return values as CliValues<Options>;
}

/**
 * readOptions for a script that does not end through runCli (a server):
 * prints the help and exits with 0, or prints the problem and the usage line
 * on stderr and exits with 2.
 */
export function readOptionsOrExit<const Options extends readonly CliOption[]>(command: CliCommand<Options>, argv: readonly string[]): CliValues<Options> {
  try {
    return readOptions(command, argv);
  } catch (error) {
    if (error instanceof HelpRequested) {
      process.stdout.write(error.text);
      process.exit(0);
    }
    if (!(error instanceof UsageError)) throw error;
    console.error(`${command.name}: ${error.message}`);
    if (error.usage) console.error(error.usage);
    process.exit(2);
  }
}

/** What follows a command line that could not be read: the usage line and where the options are listed. */
export const usageHint = (command: CliCommand) => `${usageLine(command)}\n${command.run} --help lists the options, with an example.`;
