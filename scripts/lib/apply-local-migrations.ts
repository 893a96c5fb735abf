import { spawnSync } from "node:child_process";
import { wranglerBin } from "./wrangler-bin";

/**
 * Applies migrations/ to the local D1 database (FAQ_DB) under `persistTo`,
 * as `wrangler dev --persist-to` will find it. Already applied migrations
 * are skipped, so running it before every start is cheap.
 */
export function applyLocalMigrations(persistTo: string, configPath?: string): void {
  const args = [wranglerBin(), "d1", "migrations", "apply", "FAQ_DB", "--local", "--persist-to", persistTo];
  if (configPath) args.push("--config", configPath);
  const run = spawnSync(process.execPath, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  if (run.status !== 0) throw new Error(`applying the D1 migrations failed:\n${run.stdout}\n${run.stderr}`);
}
