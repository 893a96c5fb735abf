import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FaqRecord } from "../../src/faq-record";
import { decodeIndex } from "../../src/index-blob/decode";
import type { FaqIndex } from "../../src/index-blob/format";
import { withKv } from "../kv/open-kv";
import { readCurrentVersion } from "../kv/versions";
import { collectionKeys } from "../../src/index-store/keys";
import { diffRecords } from "./index-diff";
import type { PendingIndex } from "./pending-index";
import type { SeedArgs } from "./seed-args";

/** The index this run would replace: the one KV serves (--kv local|remote), else the last build in --out. */
async function currentIndex(args: SeedArgs): Promise<{ where: string; index: FaqIndex } | null> {
  if (args.kv !== "none") {
    const index = await withKv(args.kv, { configPath: args.config, persistTo: args.persistTo, verbose: args.verbose }, (store) => readCurrentVersion(store, collectionKeys(args.collection)));
    return index && { where: `${args.kv} KV`, index };
  }
  let manifest: { version: string; files: { blob: string } };
  try {
    manifest = JSON.parse(await readFile(join(args.out, "manifest.json"), "utf8"));
  } catch {
    return null; // no earlier build
  }
  const bytes = await readFile(join(args.out, manifest.files.blob));
  return { where: args.out, index: await decodeIndex(new Uint8Array(bytes), manifest.version) };
}

const line = (mark: string, record: FaqRecord) => `${mark} ${record.id}: ${record.question.length > 80 ? `${record.question.slice(0, 77)}...` : record.question}`;

/** --dry-run: what publishing would change, compared by FAQ id. Embeds nothing and writes nothing. */
export async function dryRun(args: SeedArgs, pending: PendingIndex, log: (line: string) => void): Promise<Record<string, unknown>> {
  const current = await currentIndex(args);
  const before = current ? Array.from({ length: current.index.count }, (_, row) => current.index.record(row)) : [];
  const diff = diffRecords(before, pending.records);
  const served = new Map(before.map((record) => [record.id, record]));
  const next = new Map(pending.records.map((record) => [record.id, record]));

  log(current ? `dry run against ${current.where} (version ${current.index.version}, ${current.index.count} FAQs, ${current.index.model})` : "dry run: there is no current index, so every FAQ is new");
  const changes = [
    ...diff.added.map((id) => ["+", next.get(id)!] as const),
    ...diff.changed.map((id) => ["~", next.get(id)!] as const),
    ...diff.removed.map((id) => ["-", served.get(id)!] as const),
  ];
  if (pending.pageOf) {
    // FAQs read from pages: the changes of each page together, under the rule that found the page's FAQs
    // (a page whose FAQs are unchanged is left out; the "read N FAQs" lines above name every page's rule)
    const pages = [...new Set([...pending.records, ...changes.map(([, record]) => record)].map(pending.pageOf))];
    for (const page of pages) {
      const onPage = changes.filter(([, record]) => pending.pageOf!(record) === page);
      if (onPage.length === 0) continue;
      log(`${page}:`);
      for (const how of pending.foundOn?.(page) ?? []) log(`  ${how}`);
      for (const [mark, record] of onPage) log(`  ${line(mark, record)}`);
    }
  } else {
    for (const [mark, record] of changes) log(line(mark, record));
  }
  const modelChanged = current !== null && current.index.model !== pending.model;
  if (modelChanged) log(`the model changes from ${current.index.model} to ${pending.model}: every FAQ gets a new vector`);
  log(`${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged; ${pending.toEmbed} to embed; nothing was written`);

  return {
    dryRun: true,
    faqs: pending.records.length,
    ...diff,
    toEmbed: pending.toEmbed,
    model: pending.model,
    modelChanged,
    current: current && { where: current.where, version: current.index.version, faqs: current.index.count },
  };
}
