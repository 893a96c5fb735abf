import type { DescribedGroup } from "../../src/inbox/describe-groups";

/** The groups as terminal lines: each group's total and label, its questions with their counts, and the nearest FAQ. */
export function formatGroups(groups: DescribedGroup[], header: string): string {
  const lines = [header, ""];
  const width = String(Math.max(1, ...groups.map((g) => g.count))).length;
  for (const group of groups) {
    lines.push(`${String(group.count).padStart(width)}  ${group.label}`);
    if (group.queries.length > 1) for (const q of group.queries) lines.push(`${" ".repeat(width)}    ${String(q.count).padStart(width)}  ${q.text}`);
    if (group.nearest) {
      const question = group.nearest.question === null ? "(no longer in the index)" : JSON.stringify(group.nearest.question);
      const score = group.nearest.score === null ? "" : ` (${group.nearest.score.toFixed(2)})`;
      lines.push(`${" ".repeat(width)}    nearest FAQ: ${group.nearest.id} ${question}${score}`);
    }
  }
  if (groups.length === 0) lines.push("No unanswered questions.");
  return lines.join("\n");
}
