import type { FaqRecord } from "../../src/faq-record";
import { listDrafts } from "../../src/inbox/drafts";
import { draftAsFaq } from "../inbox/drafts-as-faqs";
import { withD1 } from "../inbox/d1-database";
import type { SeedArgs } from "./seed-args";

/**
 * The FAQs, then the collection's drafts as FAQs draft-N (with --with-drafts):
 * from the local D1 database, or the deployed one with --kv remote. A draft
 * whose id the FAQs already have (seeded before, then exported) is left out.
 */
export async function withDrafts(records: FaqRecord[], args: Pick<SeedArgs, "withDrafts" | "collection" | "kv" | "config" | "persistTo">, log: (line: string) => void): Promise<FaqRecord[]> {
  if (!args.withDrafts) return records;
  const where = { target: args.kv === "remote" ? "remote" : "local", configPath: args.config, persistTo: args.persistTo ?? ".wrangler/state" } as const;
  const ids = new Set(records.map((record) => record.id));
  const drafts = (await withD1(where, (db) => listDrafts(db, args.collection))).map(draftAsFaq).filter((draft) => !ids.has(draft.id));
  log(`added ${drafts.length} drafted FAQs of the collection ${args.collection}`);
  return [...records, ...drafts];
}
