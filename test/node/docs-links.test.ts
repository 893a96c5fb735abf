/**
 * Every relative link of README.md and docs/ leads somewhere: the file exists,
 * and a #fragment names a heading of the page it points into, as GitHub
 * makes heading anchors.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { docPages } from "../../scripts/docs-figures/check-docs";

/** The page without its code: links in code blocks and code spans are examples, not links. */
const withoutCode = (page: string) => page.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");

/** GitHub's anchor for a heading: its text, lower-cased, punctuation dropped, spaces as hyphens; repeats get -1, -2, ... */
function headingAnchors(page: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of page.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = heading!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "");
    const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every relative link and image of a page, with its line. */
function relativeLinks(page: string): Array<{ target: string; line: number }> {
  const text = withoutCode(page);
  const links: Array<{ target: string; line: number }> = [];
  for (const match of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    links.push({ target, line: text.slice(0, match.index).split("\n").length });
  }
  return links;
}

describe("links in the docs", () => {
  it("reads GitHub's anchors off headings", () => {
    const anchors = headingAnchors("# A `GET /faq`: search\n## The owner's routes: `/admin/*`\n## Notes\n## Notes\n```\n# not a heading\n```\n");
    expect([...anchors]).toEqual(["a-get-faq-search", "the-owners-routes-admin", "notes", "notes-1"]);
  });

  it("resolve to files that exist, and to headings that exist", async () => {
    const broken: string[] = [];
    for (const doc of await docPages(".")) {
      const page = readFileSync(doc, "utf8");
      const links = relativeLinks(page);
      // a page with no link at all would make this test pass for the wrong reason
      if (doc === "README.md") expect(links.length).toBeGreaterThan(10);
      for (const { target, line } of links) {
        const [path, fragment] = target.split("#") as [string, string | undefined];
        const file = path === "" ? doc : normalize(join(dirname(doc), decodeURIComponent(path)));
        if (!existsSync(file)) {
          broken.push(`${doc}:${line}: ${target}: no such file ${file}`);
          continue;
        }
        if (fragment !== undefined && file.endsWith(".md") && !headingAnchors(readFileSync(file, "utf8")).has(fragment)) {
          broken.push(`${doc}:${line}: ${target}: ${file} has no heading #${fragment}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
