import type { QuestionGroup } from "./group-questions";

export interface DescribedGroup {
  label: string;
  count: number;
  queries: Array<{ text: string; count: number; firstSeen: string; lastSeen: string }>;
  nearest: { id: string; question: string | null; score: number | null } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Groups as the owner reads them (/admin/unanswered, `npm run inbox`): times
 * in ISO 8601, and the FAQ nearest to each group's most asked question, with
 * its question when `questionOf` still finds it in the served index.
 */
export function describeGroups(groups: QuestionGroup[], questionOf: (id: string) => string | null): DescribedGroup[] {
  return groups.map((group) => {
    const leader = group.questions[0]!;
    return {
      label: group.label,
      count: group.count,
      queries: group.questions.map((q) => ({ text: q.text, count: q.count, firstSeen: iso(q.firstSeen), lastSeen: iso(q.lastSeen) })),
      nearest: leader.nearestId === null ? null : { id: leader.nearestId, question: questionOf(leader.nearestId), score: leader.nearestScore },
    };
  });
}
