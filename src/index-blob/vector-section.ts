import { int8Stride, quantizeInto, type QuantizedMatrix } from "../search/quantize";

/** Flag bit in the header: the vectors are stored as int8 with a scale per row. */
export const FLAG_INT8 = 1;

export type VectorEncoding = "f32" | "int8";

/** Bytes of the vector section: float32 rows, or int8 rows followed by float32 scales. */
export function vectorSectionSize(encoding: VectorEncoding, count: number, dim: number): number {
  return encoding === "f32" ? count * dim * 4 : count * int8Stride(dim) + count * 4;
}

/** Serialises unit vectors in the chosen encoding. */
export function encodeVectors(encoding: VectorEncoding, units: Float32Array[], dim: number): Uint8Array {
  const bytes = new Uint8Array(vectorSectionSize(encoding, units.length, dim));
  if (encoding === "f32") {
    const matrix = new Float32Array(bytes.buffer);
    units.forEach((unit, row) => matrix.set(unit, row * dim));
    return bytes;
  }
  const stride = int8Stride(dim);
  const rows = new Int8Array(bytes.buffer, 0, units.length * stride);
  const scales = new Float32Array(bytes.buffer, units.length * stride, units.length);
  units.forEach((unit, row) => {
    scales[row] = quantizeInto(unit, rows.subarray(row * stride, (row + 1) * stride));
  });
  return bytes;
}

/** Views the vector section in place (16-byte aligned): exactly one of the two is set. */
export function readVectors(section: Uint8Array, encoding: VectorEncoding, count: number, dim: number) {
  const { buffer, byteOffset } = section;
  if (encoding === "f32") return { matrix: new Float32Array(buffer, byteOffset, count * dim), quantized: null };
  const stride = int8Stride(dim);
  const quantized: QuantizedMatrix = {
    rows: new Int8Array(buffer, byteOffset, count * stride),
    stride,
    scales: new Float32Array(buffer, byteOffset + count * stride, count),
  };
  return { matrix: null, quantized };
}
