/**
 * `npm run inbox`: what visitors asked that the FAQ did not answer, grouped
 * by meaning as /admin/unanswered groups it, read straight from the D1
 * database: the local one `npm start` uses (default), or the deployed one
 * (--remote, with the account's wrangler login or CLOUDFLARE_API_TOKEN). No
 * ADMIN_TOKEN needed. --export-labels writes what visitors marked helpful as
 * a queries.jsonl that `npm run eval` and `npm run calibrate` read.
 * Options: INBOX_COMMAND below, printed by `npm run inbox -- --help`.
 */
import { sinceMs } from "../src/api/admin-query";
import type { FaqIndex } from "../src/index-blob/format";
import { readFeedback } from "../src/inbox/read-inbox";
import { unansweredGroups } from "../src/inbox/unanswered-groups";
import { exportLabels } from "./inbox/export-labels";
import { exportDrafts } from "./inbox/drafts-as-faqs";
import { listDrafts } from "../src/inbox/drafts";
import { formatGroups } from "./inbox/print-groups";
import { withD1 } from "./inbox/d1-database";
import { withKv } from "./kv/open-kv";
import { readCurrentVersion } from "./kv/versions";
import { COLLECTION_OPTION, collectionArg } from "./lib/collection-option";
import { collectionKeys } from "../src/index-store/keys";
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { UsageError } from "./lib/usage-error";

export const INBOX_COMMAND = {
  name: "inbox",
  run: "npm run inbox --",
  summary: `Prints what visitors asked that the FAQ did not answer, grouped by meaning, most asked first,
from the local D1 database that npm start uses or the deployed one. No ADMIN_TOKEN needed.`,
  options: [
    { name: "local", type: "boolean", description: "read the local database (what npm start uses; the default)" },
    { name: "remote", type: "boolean", description: "read the deployed database (wrangler login or CLOUDFLARE_API_TOKEN)" },
    { name: "persist-to", type: "string", valueName: "DIR", default: ".wrangler/state", description: "the local state folder, as wrangler dev --persist-to" },
    { name: "config", type: "string", valueName: "FILE", default: "wrangler.toml", description: "wrangler config for the D1 and KV bindings" },
    COLLECTION_OPTION,
    { name: "since", type: "string", valueName: "DATE", description: "only questions asked since then: 2026-11-01 or an ISO 8601 date-time" },
    { name: "limit", type: "string", integer: [1], default: "20", description: "groups shown at most" },
    { name: "json", type: "boolean", description: "print the groups as one JSON object" },
    { name: "export-labels", type: "string", valueName: "FILE", description: "also write what visitors marked helpful as a queries.jsonl for npm run eval and npm run calibrate" },
    { name: "export-drafts", type: "string", valueName: "FILE", description: "also write the answers drafted in the dashboard as FAQs (JSON Lines) for npm run seed -- --input" },
  ],
  environment: [["CLOUDFLARE_API_TOKEN", "with --remote, unless wrangler is logged in"]],
  examples: ["npm run inbox -- --since 2026-11-01 --limit 10", "npm run inbox -- --collection help-de", "npm run inbox -- --export-drafts drafts.jsonl"],
} as const satisfies CliCommand;

export async function inbox(argv: string[], print: (text: string) => void = console.log) {
  const values = readOptions(INBOX_COMMAND, argv);
  if (values.local && values.remote) throw new UsageError("give --local or --remote, not both");
  const target = values.remote ? "remote" : "local";
  const limit = values.limit;
  const since = values.since === undefined ? 0 : sinceMs(values.since);
  if (Number.isNaN(since)) throw new UsageError("--since must be a date (2026-11-01) or an ISO 8601 date-time");

  const persistTo = values["persist-to"];
  // the served index gives the model's grouping threshold and the FAQs' questions; the inbox is readable without it
  const collection = collectionArg(values.collection);
  const index: FaqIndex | null = await withKv(target, { configPath: values.config, persistTo, verbose: false }, (store) => readCurrentVersion(store, collectionKeys(collection))).catch(() => null);

  await withD1({ target, configPath: values.config, persistTo }, async (db) => {
    const { groups, threshold, questions } = await unansweredGroups(db, collection, index, since, null);
    const shown = groups.slice(0, limit);
    if (values.json) print(JSON.stringify({ groups: shown, total: groups.length, threshold }));
    else print(formatGroups(shown, `Unanswered questions (${target}, ${collection}): ${groups.length} groups of ${questions} questions, grouped at cosine >= ${threshold}${groups.length > limit ? `; the ${limit} most asked shown` : ""}`));

    if (values["export-labels"]) {
      const exported = await exportLabels(values["export-labels"], await readFeedback(db, collection, since, Number.MAX_SAFE_INTEGER), index);
      console.error(`wrote ${exported.queries} labelled queries to ${values["export-labels"]}`
        + (exported.droppedUnknownIds ? ` (${exported.droppedUnknownIds} helpful answers about FAQs no longer served left out)` : "")
        + (exported.faqsFile ? `, and the served FAQs to ${exported.faqsFile}` : ""));
    }
    if (values["export-drafts"]) {
      const written = await exportDrafts(values["export-drafts"], await listDrafts(db, collection));
      console.error(`wrote ${written} drafted FAQs to ${values["export-drafts"]} (ids draft-N; seed them with --input, or with npm run seed -- --with-drafts)`);
    }
  });
}

if (isMain(import.meta.url)) await runCli("inbox", () => inbox(process.argv.slice(2)));
