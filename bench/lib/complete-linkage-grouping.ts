/**
 * The inbox's first grouping rule, kept as the peer `npm run bench:inbox`
 * measures the current one against (quality and time, in the same run):
 * complete linkage over the cosine alone, questions taken most asked first,
 * each joining the group whose least similar member is most similar, if
 * every member reaches the threshold. Questions without a vector of `model`
 * stay alone. As it was in src/inbox/group-questions.ts before words counted.
 */
import type { QuestionGroup } from "../../src/inbox/group-questions";
import type { LoggedQuestion } from "../../src/inbox/read-inbox";

function unitVector(question: LoggedQuestion): Float32Array | null {
  if (!question.vector) return null;
  let norm = 0;
  for (const value of question.vector) norm += value * value;
  if (norm === 0) return null;
  const unit = new Float32Array(question.vector.length);
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < unit.length; i++) unit[i] = question.vector[i]! * scale;
  return unit;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function groupByCosineOnly(questions: LoggedQuestion[], threshold: number, model: string | null): QuestionGroup[] {
  const ordered = [...questions].sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen || a.text.localeCompare(b.text));
  const groups: Array<{ members: LoggedQuestion[]; vectors: Float32Array[] | null }> = [];
  for (const question of ordered) {
    const vector = question.model === model ? unitVector(question) : null;
    let best: { group: (typeof groups)[number]; worst: number } | null = null;
    if (vector) {
      for (const group of groups) {
        if (!group.vectors || group.vectors[0]!.length !== vector.length) continue;
        let worst = 1;
        for (const member of group.vectors) {
          worst = Math.min(worst, dot(vector, member));
          if (worst < threshold) break;
        }
        if (worst >= threshold && (!best || worst > best.worst)) best = { group, worst };
      }
    }
    if (best) {
      best.group.members.push(question);
      best.group.vectors!.push(vector!);
    } else {
      groups.push({ members: [question], vectors: vector ? [vector] : null });
    }
  }
  return groups
    .map(({ members }) => ({ label: members[0]!.text, count: members.reduce((sum, q) => sum + q.count, 0), questions: members }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
