import type { AnswerModel } from "../../../src/search/answer-model";

/** One training example: inputs, whether the answer was right, and how much it counts. */
export interface Example {
  x: number[];
  y: 0 | 1;
  weight?: number;
}

/**
 * L2 penalty on the standardised weights (not the bias). Small: with a few
 * hundred examples it only keeps a feature that never varies, or separates
 * the classes perfectly, from running off to infinity.
 */
const L2 = 0.01;
const ITERATIONS = 30;

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const rows = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const lead = rows[col]![col]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = rows[r]![col]! / lead;
      for (let k = col; k <= n; k++) rows[r]![k]! -= factor * rows[col]![k]!;
    }
  }
  return rows.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/**
 * Fits P(y = 1 | x) = sigmoid(bias + w . standardised x) by Newton's method
 * (iteratively reweighted least squares) with a small L2 penalty: exact and
 * deterministic, no learning rate to choose, a few milliseconds for a few
 * thousand examples of eight features.
 */
export function fitLogistic(examples: Example[]): AnswerModel {
  if (examples.length === 0) throw new Error("no examples to fit");
  const d = examples[0]!.x.length;
  const total = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const e of examples) e.x.forEach((v, j) => (mean[j]! += ((e.weight ?? 1) * v) / total));
  for (const e of examples) e.x.forEach((v, j) => (scale[j]! += ((e.weight ?? 1) * (v - mean[j]!) ** 2) / total));
  // a feature that never varies is centred and left with weight 0 by the penalty
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const inputs = examples.map((e) => [1, ...e.x.map((v, j) => (v - mean[j]!) / scale[j]!)]);
  let w = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    examples.forEach((e, i) => {
      const z = inputs[i]!;
      const p = 1 / (1 + Math.exp(-z.reduce((s, v, j) => s + v * w[j]!, 0)));
      const r = (e.weight ?? 1) / total;
      for (let a = 0; a <= d; a++) {
        gradient[a]! += r * (p - e.y) * z[a]!;
        for (let b = 0; b <= d; b++) hessian[a]![b]! += r * p * (1 - p) * z[a]! * z[b]!;
      }
    });
    for (let a = 1; a <= d; a++) {
      gradient[a]! += L2 * w[a]!;
      hessian[a]![a]! += L2;
    }
    hessian[0]![0]! += 1e-9;
    const step = solve(hessian, gradient);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { mean, scale, weights: w.slice(1), bias: w[0]! };
}
