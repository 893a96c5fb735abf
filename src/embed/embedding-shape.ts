import { l2Normalize } from "../search/normalize";

/** A feature-extraction answer that cannot be used; the message is safe to log. */
export class EmbeddingShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddingShapeError";
  }
}

const isNumberArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number");
const isMatrix = (value: unknown): value is number[][] => Array.isArray(value) && value.length > 0 && value.every(isNumberArray);
const isTensor3 = (value: unknown): value is number[][][] => Array.isArray(value) && value.length > 0 && value.every(isMatrix);

/** Averages token vectors into one sentence vector (what sentence-transformers does for MiniLM). */
function meanPool(tokens: number[][]): number[] {
  const width = tokens[0]!.length;
  if (tokens.some((t) => t.length !== width)) throw new EmbeddingShapeError("token vectors differ in length");
  const sum = new Array<number>(width).fill(0);
  for (const token of tokens) for (let i = 0; i < width; i++) sum[i]! += token[i]!;
  return sum.map((v) => v / tokens.length);
}

function sentenceVectors(output: unknown, inputCount: number): number[][] {
  if (inputCount === 1) {
    if (isNumberArray(output)) return [output];
    if (isMatrix(output)) return [output.length === 1 ? output[0]! : meanPool(output)];
    if (isTensor3(output) && output.length === 1) return [meanPool(output[0]!)];
  } else {
    if (isMatrix(output) && output.length === inputCount) return output;
    if (isTensor3(output) && output.length === inputCount) return output.map(meanPool);
  }
  throw new EmbeddingShapeError(`expected one embedding per input (${inputCount}), got another shape`);
}

/**
 * Turns a feature-extraction answer (`number[]`, `number[][]`, or token-level
 * `number[][][]`, mean-pooled) into one unit vector per input. Checks the
 * dimension when `dim` is given; a non-finite or all-zero vector is an error.
 */
export function toUnitVectors(output: unknown, inputCount: number, dim: number | null): Float32Array[] {
  return sentenceVectors(output, inputCount).map((vector, i) => {
    if (dim !== null && vector.length !== dim) {
      throw new EmbeddingShapeError(`embedding ${i} has ${vector.length} dimensions, expected ${dim}`);
    }
    const unit = l2Normalize(vector);
    if (!unit) throw new EmbeddingShapeError(`embedding ${i} is all zeros or has non-finite values`);
    return unit;
  });
}
