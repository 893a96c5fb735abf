/**
 * robots.txt lines into groups, as RFC 9309 (sections 2.1 to 2.2.4) defines
 * them. A group is one or more user-agent lines and the rules after them; a
 * user-agent line starts a new group only once the current group has a rule.
 * Lines that are neither user-agent nor allow/disallow (Sitemap, Crawl-delay,
 * anything unknown) are skipped without ending a group, as section 2.2.4
 * requires.
 *
 * Field names are matched exactly, ignoring case: the RFC's leniency for
 * misspellings (section 2.2.4) is for "other records", not for these three,
 * and reading `disalow` as a rule would also move a group's boundary.
 */
import { toMatchForm } from "./robots-encoding";

export interface RobotsRule {
  allow: boolean;
  /** In match form (robots-encoding.ts); its length is the rule's octets. */
  pattern: string;
}

export interface RobotsGroup {
  /** Product tokens, lower-cased; "*" for the group every crawler falls back on. */
  agents: string[];
  rules: RobotsRule[];
}

const WS = /^[ \t]+|[ \t]+$/g;

/**
 * The product token at the start of a user-agent value: "*" alone, or the
 * leading run of letters, `_` and `-` (section 2.2.1), so "FooBot/1.2" is
 * FooBot. Empty when the value starts with anything else; such a line still
 * opens a group, one no crawler matches.
 */
export function productTokenOf(value: string): string {
  if (/^\*(?:[ \t]|$)/.test(value)) return "*";
  return (/^[A-Za-z_-]*/.exec(value)![0]).toLowerCase();
}

/** The groups of a robots.txt, in file order; rules before the first user-agent line are dropped. */
export function parseGroups(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let hasRule = false;
  // CR, LF and CRLF each end a line; a UTF-8 byte order mark is not content
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const hash = rawLine.indexOf("#");
    const line = hash < 0 ? rawLine : rawLine.slice(0, hash);
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const field = line.slice(0, colon).replace(WS, "").toLowerCase();
    const value = line.slice(colon + 1).replace(WS, "");
    if (field === "user-agent") {
      if (current === null || hasRule) {
        current = { agents: [], rules: [] };
        groups.push(current);
        hasRule = false;
      }
      current.agents.push(productTokenOf(value));
    } else if ((field === "allow" || field === "disallow") && current !== null) {
      hasRule = true; // an empty rule still closes the group's user-agent lines
      if (value !== "") current.rules.push({ allow: field === "allow", pattern: toMatchForm(value, "pattern") });
    }
  }
  return groups;
}
