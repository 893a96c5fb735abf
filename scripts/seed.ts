/**
 * Builds an FAQ index: read and validate the FAQs, embed the questions, write
 * build artifacts, publish the dataset to the Hub (--hub) and the index to KV.
 * --from-hub seeds from a published dataset instead, embedding nothing;
 * --dry-run shows what would change and writes nothing.
 * The last line on stdout is a JSON summary.
 * --from-page and --sitemap read the FAQs from pages where they already live.
 * Options: SEED_COMMAND in seed/seed-args.ts, printed by `npm run seed -- --help`.
 */
import { ApiError } from "../src/errors";
import { datasetFiles } from "./hub/dataset-files";
import { hubToken, refLabel } from "./hub/hub-repo";
import { publishDataset } from "./hub/publish-dataset";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { withKv } from "./kv/open-kv";
import { requireCloudflareToken } from "./kv/remote-kv";
import { publishVersion } from "./kv/versions";
import { collectionKeys } from "../src/index-store/keys";
import { checkFitsIndexMemory } from "./seed/fits-index-memory";
import { writeArtifacts } from "./seed/artifacts";
import { dryRun } from "./seed/dry-run";
import { FaqInputError } from "./seed/faq-input-error";
import { fromFaqFile } from "./seed/from-faq-file";
import { fromHub } from "./seed/from-hub";
import { fromPages } from "./seed/from-pages";
import { parseSeedArgs } from "./seed/seed-args";
import { UsageError } from "./lib/usage-error";

const log = (line: string) => console.error(line);

export async function seed(argv: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const args = parseSeedArgs(argv);
  // Every credential is checked before anything is embedded, downloaded or written.
  if (args.kv === "remote") requireCloudflareToken(env);
  const token = hubToken(env, args.hub !== null && !args.dryRun);

  const fromPagesGiven = args.fromPage.length > 0 || args.sitemap.length > 0;
  const pending = args.fromHub ? await fromHub(args, env, token) : fromPagesGiven ? await fromPages(args, env, log) : await fromFaqFile(args, env);
  if (args.dryRun) return dryRun(args, pending, log);

  const { blob, pointer, embedded, reused, built } = await pending.build();
  // refused here rather than at its first request: a Worker could never load it
  checkFitsIndexMemory(pointer);
  if (built) await writeArtifacts(args.out, built, pending.source);
  let hub: Record<string, unknown> | undefined;
  if (args.hub && built) {
    const repo = args.hub;
    const files = datasetFiles(built, { repo, license: args.license, hubUrl: args.hubUrl });
    const title = args.hubMessage ?? `faq-edge: index ${pointer.version} (${pointer.count} FAQs, ${pointer.model})`;
    const published = await publishDataset({ repo, hubUrl: args.hubUrl, accessToken: token!, private: args.private, license: args.license, title, files, log });
    hub = { repo, commit: published.commit, created: published.created };
  }
  // KV last: a failed Hub publish leaves the served index as it was.
  if (args.kv !== "none") {
    await withKv(args.kv, { configPath: args.config, persistTo: args.persistTo, verbose: args.verbose }, (store) => publishVersion(store, blob, pointer, collectionKeys(args.collection)));
  }

  return {
    faqs: pointer.count, embedded, reused, model: pointer.model, dim: pointer.dim, version: pointer.version, kv: args.kv, collection: args.collection,
    ...(hub && { hub }),
    ...(args.fromHub && { fromHub: refLabel(args.fromHub) }),
  };
}

function describe(error: unknown): string {
  if (error instanceof FaqInputError || error instanceof UsageError) return error.message;
  if (error instanceof ApiError) return `embedding failed (${error.code}): ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

if (isMain(import.meta.url)) await runCli("seed", () => seed(process.argv.slice(2), process.env), describe);
