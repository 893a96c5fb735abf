import type { QuestionGroup } from "./group-questions";

export type Trend = "new" | "rising" | "falling" | "steady";

export interface DescribedGroup {
  /** Names the group in POST /admin/groups/{key}/done: its most asked question's key. */
  key: string;
  label: string;
  count: number;
  /** Askings in the period shown, and in the period of the same length before it (when the period has a start). */
  countInPeriod: number;
  countBefore: number;
  trend: Trend;
  /** Marked done, and none of its questions asked since. */
  done: boolean;
  queries: Array<{ key: string; text: string; count: number; firstSeen: string; lastSeen: string }>;
  nearest: { id: string; question: string | null; score: number | null } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A fifth more or less than the period before counts as a change: less is the noise of a few askings. */
const CHANGE = 0.2;

export function trendOf(now: number, before: number): Trend {
  if (before === 0) return now > 0 ? "new" : "steady";
  if (now > before * (1 + CHANGE)) return "rising";
  if (now < before * (1 - CHANGE)) return "falling";
  return "steady";
}

/**
 * Groups as the owner reads them (/admin/unanswered, the dashboard, `npm run
 * inbox`): times in ISO 8601, the FAQ nearest to each group's most asked
 * question (with its question when `questionOf` still finds it in the served
 * index), its askings in the period and before, and whether it is done.
 */
export function describeGroups(
  groups: QuestionGroup[],
  questionOf: (id: string) => string | null,
  asked: { inPeriod: Map<string, number>; before: Map<string, number> } = { inPeriod: new Map(), before: new Map() },
): DescribedGroup[] {
  return groups.map((group) => {
    const leader = group.questions[0]!;
    const sum = (counts: Map<string, number>) => group.questions.reduce((total, q) => total + (counts.get(q.key ?? q.text) ?? 0), 0);
    const countInPeriod = sum(asked.inPeriod);
    const countBefore = sum(asked.before);
    return {
      key: leader.key ?? leader.text,
      label: group.label,
      count: group.count,
      countInPeriod,
      countBefore,
      trend: trendOf(countInPeriod, countBefore),
      done: group.questions.every((q) => q.doneAt != null && q.lastSeen <= q.doneAt),
      queries: group.questions.map((q) => ({ key: q.key ?? q.text, text: q.text, count: q.count, firstSeen: iso(q.firstSeen), lastSeen: iso(q.lastSeen) })),
      nearest: leader.nearestId === null ? null : { id: leader.nearestId, question: questionOf(leader.nearestId), score: leader.nearestScore },
    };
  });
}
