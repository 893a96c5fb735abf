import { withLocalBindings, type LocalBindingsOptions } from "../lib/local-bindings";
import { bindingStore, type KvStore } from "./kv-store";

/** Runs `use` with the local KV namespace that `wrangler dev` reads, then releases it. */
export const withLocalKv = <T>(options: LocalBindingsOptions, use: (store: KvStore) => Promise<T>): Promise<T> =>
  withLocalBindings(options, (env) => use(bindingStore(env.FAQ_KV)));
