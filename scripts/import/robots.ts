/**
 * What robots.txt lets one crawler fetch, read as RFC 9309 says: the groups
 * naming our product token (case-insensitively, merged when there are
 * several), else the "*" groups, else no rules at all. Within them the
 * matching rule with the most octets wins, Allow on a tie, and a path no rule
 * matches is allowed. /robots.txt itself is always allowed.
 */
import { parseGroups, productTokenOf, type RobotsRule } from "./robots-groups";
import { pathAndQueryOf, toMatchForm } from "./robots-encoding";
import { patternMatches, type StepMeter } from "./robots-match";

export interface RobotsRules {
  /** Whether a path (with its query), or a whole URL, may be fetched. */
  allows(pathOrUrl: string): boolean;
}

export const ALLOW_ALL: RobotsRules = { allows: () => true };
export const DISALLOW_ALL: RobotsRules = { allows: () => false };

/** The rules of `text` for the crawler whose product token is `productToken` (a version suffix such as "/1.0" is ignored). */
export function parseRobots(text: string, productToken: string, meter?: StepMeter): RobotsRules {
  const groups = parseGroups(text);
  const token = productTokenOf(productToken);
  const ours = token === "" || token === "*" ? [] : groups.filter((group) => group.agents.includes(token));
  const chosen = ours.length > 0 ? ours : groups.filter((group) => group.agents.includes("*"));
  const rules = chosen.flatMap((group) => group.rules);
  return {
    allows(pathOrUrl) {
      const path = toMatchForm(pathAndQueryOf(pathOrUrl), "path");
      if (path === "/robots.txt" || path.startsWith("/robots.txt?")) return true;
      let best: RobotsRule | null = null;
      for (const rule of rules) {
        if (best && rule.pattern.length < best.pattern.length) continue;
        if (best && rule.pattern.length === best.pattern.length && (best.allow || !rule.allow)) continue;
        if (patternMatches(rule.pattern, path, meter)) best = rule;
      }
      return best === null || best.allow;
    },
  };
}
