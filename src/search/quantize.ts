/**
 * Int8 rows with one scale each: value ≈ (rows[j] + residual[j] / 16) * scale.
 * The scan reads only `rows`; the 4-bit residuals refine the few candidates
 * that are rescored, so reported scores and the final order are nearly exact.
 */
export interface QuantizedMatrix {
  rows: Int8Array;
  /** Bytes per row: the dimension rounded up to 16 for SIMD, zero-padded. */
  stride: number;
  scales: Float32Array;
  /** Two signed 4-bit residuals per byte (low nibble first), stride / 2 bytes per row. */
  residuals: Uint8Array;
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

/** The 4-bit residuals of a quantised row: round((v - q * scale) / (scale / 16)), clamped to [-8, 7]. */
export function residualsInto(vector: ArrayLike<number>, quantized: Int8Array, scale: number, target: Uint8Array): void {
  target.fill(0);
  for (let i = 0; i < vector.length; i++) {
    const residual = Math.max(-8, Math.min(7, Math.round(((vector[i]! - quantized[i]! * scale) * 16) / scale)));
    target[i >> 1]! |= (residual & 0xf) << ((i & 1) * 4);
  }
}

/** Dot product of a float32 query with a stored row, residuals included: used to rescore candidates. */
export function dequantizedDot(matrix: QuantizedMatrix, row: number, query: Float32Array): number {
  const base = row * matrix.stride;
  const residualBase = row * (matrix.stride >> 1);
  let sum = 0;
  let fine = 0;
  for (let j = 0; j < query.length; j += 2) {
    const packed = matrix.residuals[residualBase + (j >> 1)]!;
    // sign-extend each nibble: shift it to the top of an int32, then back down
    const low = ((packed << 28) >> 28);
    const high = ((packed << 24) >> 28);
    const q0 = query[j]!;
    const q1 = j + 1 < query.length ? query[j + 1]! : 0;
    sum += matrix.rows[base + j]! * q0 + matrix.rows[base + j + 1]! * q1;
    fine += low * q0 + high * q1;
  }
  return (sum + fine / 16) * matrix.scales[row]!;
}
