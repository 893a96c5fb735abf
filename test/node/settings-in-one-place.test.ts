/** Settings that must live in two files are held equal here, and docs/configuration.md documents every Worker variable. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKER_VARIABLES } from "../../src/env";
import { RATE_LIMIT_PERIOD_SECONDS } from "../../src/middleware/rate-limit";

const wranglerToml = readFileSync("wrangler.toml", "utf8");

describe("settings", () => {
  it("gives a 429 the Retry-After of the rate limiter's period in wrangler.toml", () => {
    const period = /\[\[ratelimits\]\][^[]*simple = \{ limit = \d+, period = (\d+) \}/.exec(wranglerToml)?.[1];
    expect(Number(period)).toBe(RATE_LIMIT_PERIOD_SECONDS);
  });

  it("sets no Worker variable in wrangler.toml: the defaults live in src/config.ts alone", () => {
    const vars = wranglerToml.slice(wranglerToml.indexOf("[vars]"));
    expect(vars.split("\n").filter((line) => /^\s*[A-Z_]+\s*=/.test(line))).toEqual([]);
  });

  it("documents exactly the Worker variables npm start passes on", () => {
    const page = readFileSync("docs/configuration.md", "utf8");
    const start = page.indexOf("## Worker variables");
    expect(start).toBeGreaterThanOrEqual(0);
    const section = page.slice(start, page.indexOf("\n## ", start + 5));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(WORKER_VARIABLES.map((v) => v.name).sort());
  });
});
