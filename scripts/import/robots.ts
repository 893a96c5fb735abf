/**
 * robots.txt as RFC 9309 reads it: the group for our product token
 * ("faq-edge"), else the group for "*"; the longest matching Allow or
 * Disallow rule wins, Allow on a tie; `*` matches any characters and `$`
 * anchors the end.
 */
export interface RobotsRules {
  allows(pathAndQuery: string): boolean;
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

const toRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\\\$$|\$$/, "$")}`);

export const ALLOW_ALL: RobotsRules = { allows: () => true };
export const DISALLOW_ALL: RobotsRules = { allows: () => false };

export function parseRobots(text: string, productToken: string): RobotsRules {
  const groups: Array<{ agents: string[]; rules: Rule[] }> = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = match[1]!.toLowerCase();
    const value = match[2]!.trim();
    if (field === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current || (field !== "allow" && field !== "disallow")) continue;
    if (value === "") continue; // "Disallow:" with nothing allows everything
    current.rules.push({ allow: field === "allow", pattern: value, regex: toRegex(value) });
  }
  const token = productToken.toLowerCase();
  const ours = groups.filter((g) => g.agents.includes(token));
  const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes("*"));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    allows(pathAndQuery) {
      let best: Rule | null = null;
      for (const rule of rules) {
        if (!rule.regex.test(pathAndQuery)) continue;
        const longer = !best || rule.pattern.length > best.pattern.length;
        const tieAllows = best && rule.pattern.length === best.pattern.length && rule.allow;
        if (longer || tieAllows) best = rule;
      }
      return best ? best.allow : true;
    },
  };
}
