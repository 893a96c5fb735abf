import { quantizeInto } from "../search/quantize";

/**
 * The int8 copy of a query vector that the inbox stores (one byte per
 * dimension instead of four). The scale is not kept: grouping compares
 * directions only, and a cosine of int8 copies stays close to the float
 * one (each value rounded to one of 255 steps across its row's range).
 */
export function toStoredVector(vector: Float32Array): Uint8Array {
  const int8 = new Int8Array(vector.length);
  quantizeInto(vector, int8);
  return new Uint8Array(int8.buffer);
}

/**
 * A BLOB as D1 returns it read back as int8: an ArrayBuffer or typed array
 * (the binding), an array of byte values, or that array as JSON text
 * (`wrangler d1 execute --json`). Null for anything else.
 */
export function fromStoredVector(value: unknown): Int8Array | null {
  if (typeof value === "string" && value.startsWith("[")) {
    try {
      return fromStoredVector(JSON.parse(value));
    } catch {
      return null;
    }
  }
  if (value instanceof ArrayBuffer) return new Int8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Int8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (Array.isArray(value) && value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) return new Int8Array(Uint8Array.from(value).buffer);
  return null;
}
