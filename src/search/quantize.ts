/** Int8 rows with one scale each: value ≈ rows[row * stride + j] * scales[row]. */
export interface QuantizedMatrix {
  rows: Int8Array;
  /** Bytes per row: the dimension rounded up to 16 for SIMD, zero-padded. */
  stride: number;
  scales: Float32Array;
}

export const int8Stride = (dim: number) => Math.ceil(dim / 16) * 16;

/** Writes round(v / scale) into `target` (zero-padded) and returns scale = max|v| / 127. */
export function quantizeInto(vector: ArrayLike<number>, target: Int8Array): number {
  let max = 0;
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i]!));
  const scale = max > 0 ? max / 127 : 1;
  target.fill(0);
  for (let i = 0; i < vector.length; i++) target[i] = Math.round(vector[i]! / scale);
  return scale;
}

/**
 * Exact dot product of a float32 query with the stored int8 row: the error is
 * only the rows' rounding, not the query's. Used to rescore candidates.
 */
export function dequantizedDot(matrix: QuantizedMatrix, row: number, query: Float32Array): number {
  const base = row * matrix.stride;
  let sum = 0;
  for (let j = 0; j < query.length; j++) sum += matrix.rows[base + j]! * query[j]!;
  return sum * matrix.scales[row]!;
}
