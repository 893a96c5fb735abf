import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse as parseToml } from "smol-toml";

/** The bindings of wrangler.toml that the scripts reach locally. */
export interface LocalBindings {
  FAQ_KV: KVNamespace;
  /** Absent when the configuration binds no database (the inbox is optional). */
  FAQ_DB?: D1Database;
}

export interface LocalBindingsOptions {
  configPath: string;
  /** Wrangler's state folder, as given to `wrangler dev --persist-to`. Default `.wrangler/state` beside the configuration, as wrangler's. */
  persistTo?: string;
}

interface StoreIds {
  kv: string;
  d1: string | null;
}

/**
 * Runs `use` with the local KV and D1 that `wrangler dev` reads under
 * --persist-to, then releases them.
 *
 * They are opened under the persistence root and with the ids `wrangler dev`
 * uses, by one Miniflare with only these two stores (as `wrangler d1 execute
 * --local` opens its database). Wrangler's platform proxy did the same job,
 * but importing wrangler alone took 2.7 s of every command (Miniflare: 0.8 s
 * to import and start), and the tests run these commands dozens of times.
 */
export async function withLocalBindings<T>(options: LocalBindingsOptions, use: (env: LocalBindings) => Promise<T>): Promise<T> {
  const ids = await localStoreIds(options.configPath);
  // Loaded on demand: `--help` and `--kv none` never need it.
  const { Miniflare } = await import("miniflare");
  const miniflare = new Miniflare({
    modules: true,
    script: "export default {}",
    // no request.cf here: without this Miniflare fetches Cloudflare's cf.json, which offline costs its 3 s timeout
    cf: false,
    defaultPersistRoot: join(options.persistTo ?? join(dirname(options.configPath), ".wrangler", "state"), "v3"),
    kvNamespaces: { FAQ_KV: ids.kv },
    d1Databases: ids.d1 === null ? {} : { FAQ_DB: ids.d1 },
  });
  try {
    const env: LocalBindings = { FAQ_KV: (await miniflare.getKVNamespace("FAQ_KV")) as unknown as KVNamespace };
    if (ids.d1 !== null) env.FAQ_DB = (await miniflare.getD1Database("FAQ_DB")) as unknown as D1Database;
    return await use(env);
  } finally {
    await miniflare.dispose();
  }
}

/**
 * The ids under which `wrangler dev` keeps FAQ_KV and FAQ_DB locally: the
 * preview id, else the id, else the binding's name (wrangler 4's rule for
 * local stores). Two programs that agree on these read the same data.
 */
export async function localStoreIds(configPath: string): Promise<StoreIds> {
  // wrangler also reads JSON(C) configurations; this project ships and documents wrangler.toml
  if (!configPath.endsWith(".toml")) throw new Error(`the wrangler configuration must be a .toml file (got ${configPath})`);
  let config: Record<string, unknown>;
  try {
    config = parseToml(await readFile(configPath, "utf8"));
  } catch (error) {
    throw new Error(`cannot read the wrangler configuration ${configPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries = (key: string) => (Array.isArray(config[key]) ? (config[key] as Array<Record<string, unknown>>) : []);
  const kv = entries("kv_namespaces").find((entry) => entry.binding === "FAQ_KV");
  if (!kv) throw new Error(`${configPath} has no KV namespace bound as FAQ_KV`);
  const d1 = entries("d1_databases").find((entry) => entry.binding === "FAQ_DB");
  const idOf = (...candidates: unknown[]) => candidates.find((value): value is string => typeof value === "string") ?? null;
  return {
    kv: idOf(kv.preview_id, kv.id) ?? "FAQ_KV",
    d1: d1 ? (idOf(d1.preview_database_id, d1.database_id) ?? "FAQ_DB") : null,
  };
}
