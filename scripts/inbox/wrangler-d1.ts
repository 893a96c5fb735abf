import { runWrangler } from "../lib/run-wrangler";

export interface WranglerD1Options {
  target: "local" | "remote";
  configPath: string;
  /** Wrangler's state folder for --local, as given to `wrangler dev --persist-to`. */
  persistTo?: string;
}

/** A SQL literal for a bound value: numbers as they are, text quoted with '' doubled, null as NULL. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  throw new Error(`cannot bind ${typeof value} through wrangler d1 execute`);
}

/**
 * The part of the D1 binding the inbox's reads use (prepare, bind, all),
 * over `wrangler d1 execute --json`: the deployed database with the
 * account's wrangler login (the CLIs reach the local one through
 * d1-database.ts), or the local one for the benches, whose counts of stored
 * rows were measured through it (bench:inbox-load retries it while the
 * flooded Worker holds the SQLite file locked). Bound values are written
 * into the SQL as literals, since the CLI takes no parameters.
 */
export function wranglerD1(options: WranglerD1Options): D1Database {
  const where = options.target === "local"
    ? ["--local", ...(options.persistTo ? ["--persist-to", options.persistTo] : [])]
    : ["--remote"];
  const prepare = (sql: string) => {
    const statement = (values: unknown[]) => ({
      bind: (...more: unknown[]) => statement([...values, ...more]),
      async all<T>() {
        const text = sql.replace(/\?(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
        const out = await runWrangler(["d1", "execute", "FAQ_DB", ...where, "--config", options.configPath, "--json", "--command", text], { captureStderr: true });
        const parsed = JSON.parse(out.toString("utf8")) as Array<{ results: T[]; success: boolean }>;
        const last = parsed[parsed.length - 1];
        if (!last?.success) throw new Error("wrangler d1 execute did not succeed");
        return { results: last.results, success: true, meta: {} };
      },
    });
    return statement([]);
  };
  return { prepare } as unknown as D1Database;
}
