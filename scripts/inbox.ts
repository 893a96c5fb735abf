/**
 * `npm run inbox -- [--local|--remote] [--persist-to DIR] [--config FILE] [--since DATE] [--limit N] [--json] [--export-labels FILE]`:
 * what visitors asked that the FAQ did not answer, grouped by meaning as
 * /admin/unanswered groups it, read straight from the D1 database: the local
 * one `npm start` uses (default), or the deployed one (--remote, with the
 * account's wrangler login or CLOUDFLARE_API_TOKEN). No ADMIN_TOKEN needed.
 * --export-labels writes what visitors marked helpful as a queries.jsonl
 * that `npm run eval` and `npm run calibrate` read.
 */
import { parseArgs } from "node:util";
import { sinceMs } from "../src/api/admin-query";
import type { FaqIndex } from "../src/index-blob/format";
import { readFeedback } from "../src/inbox/read-inbox";
import { unansweredGroups } from "../src/inbox/unanswered-groups";
import { exportLabels } from "./inbox/export-labels";
import { formatGroups } from "./inbox/print-groups";
import { wranglerD1 } from "./inbox/wrangler-d1";
import { withKv } from "./kv/open-kv";
import { readCurrentVersion } from "./kv/versions";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";

export async function inbox(argv: string[], print: (text: string) => void = console.log) {
  const { values } = parseArgs({
    args: argv,
    options: {
      local: { type: "boolean", default: false },
      remote: { type: "boolean", default: false },
      "persist-to": { type: "string", default: ".wrangler/state" },
      config: { type: "string", default: "wrangler.toml" },
      since: { type: "string" },
      limit: { type: "string", default: "20" },
      json: { type: "boolean", default: false },
      "export-labels": { type: "string" },
    },
  });
  if (values.local && values.remote) throw new Error("give --local or --remote, not both");
  const target = values.remote ? "remote" : "local";
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new Error("--limit must be a positive integer");
  const since = values.since === undefined ? 0 : sinceMs(values.since);
  if (Number.isNaN(since)) throw new Error("--since must be a date (2026-11-01) or an ISO 8601 date-time");

  const persistTo = values["persist-to"];
  const db = wranglerD1({ target, configPath: values.config, persistTo });
  // the served index gives the model's grouping threshold and the FAQs' questions; the inbox is readable without it
  const index: FaqIndex | null = await withKv(target, { configPath: values.config, persistTo, verbose: false }, readCurrentVersion).catch(() => null);

  const { groups, threshold, questions } = await unansweredGroups(db, "default", index, since, null);
  const shown = groups.slice(0, limit);
  if (values.json) print(JSON.stringify({ groups: shown, total: groups.length, threshold }));
  else print(formatGroups(shown, `Unanswered questions (${target}): ${groups.length} groups of ${questions} questions, grouped at cosine >= ${threshold}${groups.length > limit ? `; the ${limit} most asked shown` : ""}`));

  if (values["export-labels"]) {
    const exported = await exportLabels(values["export-labels"], await readFeedback(db, "default", since, Number.MAX_SAFE_INTEGER), index);
    console.error(`wrote ${exported.queries} labelled queries to ${values["export-labels"]}`
      + (exported.droppedUnknownIds ? ` (${exported.droppedUnknownIds} helpful answers about FAQs no longer served left out)` : "")
      + (exported.faqsFile ? `, and the served FAQs to ${exported.faqsFile}` : ""));
  }
}

if (isMain(import.meta.url)) await runCli("inbox", () => inbox(process.argv.slice(2)));
