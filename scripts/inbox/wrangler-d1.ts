import { spawn } from "node:child_process";
import { wranglerBin } from "../lib/wrangler-bin";

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

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler d1 execute exited with ${code}: ${err.trim() || out.trim()}`))));
  });
}

/**
 * The part of the D1 binding the inbox's reads use (prepare, bind, all),
 * over `wrangler d1 execute --json`: the local database `wrangler dev` uses,
 * or the deployed one with the account's wrangler login. Bound values are
 * written into the SQL as literals, since the CLI takes no parameters.
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
        const out = await run(["d1", "execute", "FAQ_DB", ...where, "--config", options.configPath, "--json", "--command", text]);
        const parsed = JSON.parse(out) as Array<{ results: T[]; success: boolean }>;
        const last = parsed[parsed.length - 1];
        if (!last?.success) throw new Error("wrangler d1 execute did not succeed");
        return { results: last.results, success: true, meta: {} };
      },
    });
    return statement([]);
  };
  return { prepare } as unknown as D1Database;
}
