import { SECTION_ALIGNMENT, alignUp } from "./format";
import { int8Stride, quantizeInto, residualsInto, type QuantizedMatrix } from "../search/quantize";

/** Flag bit in the header: the vectors are stored as int8 with a scale per row. */
export const FLAG_INT8 = 1;

export type VectorEncoding = "f32" | "int8";

/** Bytes of the vector section: float32 rows, or int8 rows, then float32 scales, then 4-bit residuals. */
export function vectorSectionSize(encoding: VectorEncoding, count: number, dim: number): number {
  const stride = int8Stride(dim);
  return encoding === "f32" ? count * dim * 4 : count * stride + alignUp(count * 4, SECTION_ALIGNMENT) + count * (stride >> 1);
}

/** Serialises unit vectors in the chosen encoding. */
export function encodeVectors(encoding: VectorEncoding, units: Float32Array[], dim: number): Uint8Array {
  const bytes = new Uint8Array(vectorSectionSize(encoding, units.length, dim));
  if (encoding === "f32") {
    const matrix = new Float32Array(bytes.buffer);
    units.forEach((unit, row) => matrix.set(unit, row * dim));
    return bytes;
  }
  const { rows, scales, residuals } = int8Views(bytes, units.length, dim);
  const stride = int8Stride(dim);
  units.forEach((unit, row) => {
    const quantized = rows.subarray(row * stride, (row + 1) * stride);
    scales[row] = quantizeInto(unit, quantized);
    residualsInto(unit, quantized, scales[row]!, residuals.subarray(row * (stride >> 1), (row + 1) * (stride >> 1)));
  });
  return bytes;
}

/** Views the vector section in place (16-byte aligned): exactly one of the two is set. */
export function readVectors(section: Uint8Array, encoding: VectorEncoding, count: number, dim: number) {
  if (encoding === "f32") return { matrix: new Float32Array(section.buffer, section.byteOffset, count * dim), quantized: null };
  const quantized: QuantizedMatrix = { stride: int8Stride(dim), ...int8Views(section, count, dim) };
  return { matrix: null, quantized };
}

/** The three parts of an int8 section, each 16-byte aligned. */
function int8Views(section: Uint8Array, count: number, dim: number) {
  const stride = int8Stride(dim);
  const scalesOffset = section.byteOffset + count * stride;
  const residualsOffset = section.byteOffset + count * stride + alignUp(count * 4, SECTION_ALIGNMENT);
  return {
    rows: new Int8Array(section.buffer, section.byteOffset, count * stride),
    scales: new Float32Array(section.buffer, scalesOffset, count),
    residuals: new Uint8Array(section.buffer, residualsOffset, count * (stride >> 1)),
  };
}
