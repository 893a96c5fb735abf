/**
 * Returns a unit-length float32 copy of `values`, or null when a value is not
 * finite or the vector is all zeros (neither can be ranked by cosine).
 * The norm is accumulated in float64 so long vectors do not lose precision.
 */
export function l2Normalize(values: ArrayLike<number>): Float32Array | null {
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return null;
    sumOfSquares += v * v;
  }
  if (sumOfSquares === 0) return null;
  const scale = 1 / Math.sqrt(sumOfSquares);
  const unit = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) unit[i] = values[i]! * scale;
  return unit;
}
