import { existsSync } from "node:fs";

/** Where Debian, Ubuntu and Chrome packages put the browser. */
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

export type ChromiumLookup = { path: string } | { missing: string };

/**
 * The browser the widget tests drive: CHROMIUM_PATH when it is set (and then
 * only it), else the first of the usual system paths. When there is none,
 * says in one line why, and how to get one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) return existsSync(given) ? { path: given } : { missing: `CHROMIUM_PATH=${given} does not exist` };
  const found = SYSTEM_PATHS.find((path) => existsSync(path));
  if (found) return { path: found };
  return { missing: `no Chromium at ${SYSTEM_PATHS.join(", ")}; install one (Debian: apt-get install chromium) or set CHROMIUM_PATH` };
}
