import { int8Stride, quantizeInto, type QuantizedMatrix } from "../search/quantize";

/** Flag bit in the header: the vectors are stored as int8 with a scale per row. */
export const FLAG_INT8 = 1;

export type VectorEncoding = "f32" | "int8";

/** Bytes of the vector section: float32 rows, or int8 rows followed by float32 scales. */
export function vectorSectionSize(encoding: VectorEncoding, count: number, dim: number): number {
  return encoding === "f32" ? count * dim * 4 : count * int8Stride(dim) + count * 4;
}

/** Writes unit vectors at `offset` (16-byte aligned) in the chosen encoding. */
export function writeVectors(blob: ArrayBuffer, offset: number, encoding: VectorEncoding, units: Float32Array[], dim: number): void {
  if (encoding === "f32") {
    const matrix = new Float32Array(blob, offset, units.length * dim);
    units.forEach((unit, row) => matrix.set(unit, row * dim));
    return;
  }
  const stride = int8Stride(dim);
  const rows = new Int8Array(blob, offset, units.length * stride);
  const scales = new Float32Array(blob, offset + units.length * stride, units.length);
  units.forEach((unit, row) => {
    scales[row] = quantizeInto(unit, rows.subarray(row * stride, (row + 1) * stride));
  });
}

/** Views the vector section in place: exactly one of the two is set. */
export function readVectors(blob: ArrayBuffer, offset: number, encoding: VectorEncoding, count: number, dim: number) {
  if (encoding === "f32") return { matrix: new Float32Array(blob, offset, count * dim), quantized: null };
  const stride = int8Stride(dim);
  const quantized: QuantizedMatrix = {
    rows: new Int8Array(blob, offset, count * stride),
    stride,
    scales: new Float32Array(blob, offset + count * stride, count),
  };
  return { matrix: null, quantized };
}
