import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Hugging Face tokens are "hf_" and 34 letters or digits; Cloudflare API tokens are 40 such characters.
const TOKEN_PATTERNS = [/\bhf_[A-Za-z0-9]{34}\b/, /CLOUDFLARE_API_TOKEN\s*=\s*['"]?[A-Za-z0-9_-]{40}/];

describe("the repository", () => {
  it("holds no token-shaped strings and ignores .dev.vars", () => {
    const files = execFileSync("git", ["ls-files"], { encoding: "utf8" }).trim().split("\n");
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      if (/\.(wasm|bin|png)$/.test(file)) continue;
      const text = readFileSync(file, "utf8");
      for (const pattern of TOKEN_PATTERNS) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
    }
    expect(execFileSync("git", ["check-ignore", ".dev.vars"], { encoding: "utf8" }).trim()).toBe(".dev.vars");
  });
});
