import type { LoggedQuestion } from "./read-inbox";

/**
 * The cosine two questions need, for a model without a calibrated one
 * (data/calibration.json gives each calibrated model its own). With the
 * local model, fewer than 1 in 1,000 pairs of questions about different
 * FAQs of the calibration set reach 0.8.
 */
export const DEFAULT_GROUP_THRESHOLD = 0.8;

/**
 * Grouping compares every pair of questions in the worst case, so it runs
 * over the most asked questions only: 1,000 of them is half a million dot
 * products. `npm run bench:inbox` timed 2,000 unrelated questions of 512
 * dimensions at 1.9 s in V8; 1,000 take a quarter of that.
 */
export const MAX_GROUPED_QUESTIONS = 1000;

export interface QuestionGroup {
  /** The group's most asked question. */
  label: string;
  /** How often its questions were asked, together. */
  count: number;
  /** Most asked first. */
  questions: LoggedQuestion[];
}

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

/**
 * Groups questions by meaning with complete linkage at `threshold`: a
 * question joins a group only if its cosine to every question already in it
 * is at least the threshold, so no two questions in a group are further
 * apart than that. Questions are taken most asked first; one that could join
 * several groups joins the one whose least similar member is most similar.
 * Questions without a vector (answered from words alone), or embedded with
 * another model, never join others: their meaning cannot be compared.
 * Groups come most asked first. Cost: at most n²/2 dot products.
 */
export function groupQuestions(questions: LoggedQuestion[], threshold: number, model: string | null): QuestionGroup[] {
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
