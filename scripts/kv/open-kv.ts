import type { KvStore } from "./kv-store";
import { withLocalKv } from "./local-kv";
import { withRemoteKv } from "./remote-kv";

export interface KvTargetOptions {
  configPath: string;
  persistTo?: string;
  verbose: boolean;
}

/** Runs `use` against the local KV that `wrangler dev` reads, or the real namespace. */
export function withKv<T>(target: "local" | "remote", options: KvTargetOptions, use: (store: KvStore) => Promise<T>): Promise<T> {
  return target === "local"
    ? withLocalKv({ configPath: options.configPath, persistTo: options.persistTo }, use)
    : withRemoteKv(options.configPath, options.verbose, use);
}
