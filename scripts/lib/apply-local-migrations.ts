import { runWrangler } from "./run-wrangler";

/**
 * Applies migrations/ to the local D1 database (FAQ_DB) under `persistTo`,
 * as `wrangler dev --persist-to` will find it. Already applied migrations
 * are skipped, so running it before every start is cheap. Wrangler's
 * confirmation question takes its default (yes) when no terminal is attached.
 */
export async function applyLocalMigrations(persistTo: string): Promise<void> {
  await runWrangler(["d1", "migrations", "apply", "FAQ_DB", "--local", "--persist-to", persistTo], { captureStderr: true });
}
