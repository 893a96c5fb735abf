import { SECTION_ALIGNMENT, alignUp } from "./format";
import { blockedRowsFor, layOutRows, type F32Matrix } from "../search/f32-matrix";
import { int8Stride, quantizeInto, residualsInto, type QuantizedMatrix } from "../search/quantize";

/** Flag bit in the header: the vectors are stored as int8 with a scale per row. */
export const FLAG_INT8 = 1;
/** Flag bit in the header (format 5 on): float32 rows are in blocks of four wherever blockedRowsFor allows. */
export const FLAG_ROW_BLOCKS = 2;

export type VectorEncoding = "f32" | "int8";

/** Bytes of the vector section: float32 rows, or int8 rows, then float32 scales, then 4-bit residuals. */
export function vectorSectionSize(encoding: VectorEncoding, count: number, dim: number): number {
  const stride = int8Stride(dim);
  return encoding === "f32" ? count * dim * 4 : count * stride + alignUp(count * 4, SECTION_ALIGNMENT) + count * (stride >> 1);
}

/** The header flags that describe how encodeVectors stores `encoding`. */
export const vectorFlags = (encoding: VectorEncoding) => (encoding === "int8" ? FLAG_INT8 : FLAG_ROW_BLOCKS);

/** Serialises unit vectors in the chosen encoding (float32 in row blocks: see vectorFlags). */
export function encodeVectors(encoding: VectorEncoding, units: Float32Array[], dim: number): Uint8Array {
  const bytes = new Uint8Array(vectorSectionSize(encoding, units.length, dim));
  if (encoding === "f32") {
    layOutRows(units, dim, new Float32Array(bytes.buffer), blockedRowsFor(units.length, dim));
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

/**
 * Views the vector section in place (16-byte aligned): exactly one of the two
 * is set. `flags` are the header's: without FLAG_ROW_BLOCKS (format 4) float32 rows are plain.
 */
export function readVectors(section: Uint8Array, flags: number, count: number, dim: number): { matrix: F32Matrix | null; quantized: QuantizedMatrix | null } {
  const encoding = encodingOf(flags);
  if (encoding === "f32") {
    const blockedRows = flags & FLAG_ROW_BLOCKS ? blockedRowsFor(count, dim) : 0;
    return { matrix: { values: new Float32Array(section.buffer, section.byteOffset, count * dim), dim, count, blockedRows }, quantized: null };
  }
  const quantized: QuantizedMatrix = { stride: int8Stride(dim), ...int8Views(section, count, dim) };
  return { matrix: null, quantized };
}

export const encodingOf = (flags: number): VectorEncoding => (flags & FLAG_INT8 ? "int8" : "f32");

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
