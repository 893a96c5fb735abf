/**
 * What the browser test files share: the browser, found once per file, and
 * a local KV and D1 holding the demo FAQs and a German collection.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { applyLocalMigrations } from "../../scripts/lib/apply-local-migrations";
import { runScript } from "../node/helpers";
import { findChromium } from "./find-chromium";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * The browser for one file of browser tests. Without one, its tests are
 * skipped on a developer's machine, with the reason on one line; in CI
 * (CI=true) a missing browser is a failure, which the test registered here
 * reports.
 */
export function browserForTests(what: string) {
  const lookup = findChromium();
  const missing = "missing" in lookup ? lookup.missing : null;
  const inCi = process.env.CI === "true";
  if (missing && !inCi) console.warn(`browser tests skipped: ${missing}`);
  describe(`a browser for the ${what} tests`, () => {
    it.runIf(inCi)("is installed in CI", () => {
      expect(missing).toBeNull();
    });
  });
  return {
    describeWithBrowser: missing && !inCi ? describe.skip : describe,
    /** Throws before any setup is done when there is no browser (in CI, where the tests are not skipped). */
    requireBrowser(): void {
      if (missing) throw new Error(`browser tests cannot run: ${missing}`);
    },
    launch(): Promise<Browser> {
      if ("missing" in lookup) throw new Error(`browser tests cannot run: ${lookup.missing}`);
      return chromium.launch({ executablePath: lookup.path, args: CHROMIUM_ARGS });
    },
  };
}

/** A fresh local KV and D1: the demo FAQs as the default collection, `helpDe` as help-de, and the D1 schema applied. */
export async function seedDemoStack(prefix: string, helpDe: unknown[]): Promise<string> {
  const persistTo = await mkdtemp(join(tmpdir(), prefix));
  const seeded = await runScript("scripts/seed.ts", ["--kv", "local", "--persist-to", persistTo, "--out", join(persistTo, "build")]);
  expect(seeded.code).toBe(0);
  await writeFile(join(persistTo, "faqs-de.json"), JSON.stringify(helpDe));
  const seededDe = await runScript("scripts/seed.ts", ["--input", join(persistTo, "faqs-de.json"), "--collection", "help-de", "--kv", "local", "--persist-to", persistTo, "--out", join(persistTo, "build-de")]);
  expect(seededDe.code).toBe(0);
  await applyLocalMigrations(persistTo);
  return persistTo;
}
