import type { FaqIndex } from "../../src/index-blob/format";
import { int8Stride, quantizeInto, residualsInto, type QuantizedMatrix } from "../../src/search/quantize";

/**
 * A FaqIndex over bare vectors (no texts, no BM25), so kernels are timed
 * through the Worker's own ranking code without building a whole blob.
 */
export function vectorOnlyIndex(matrix: Float32Array, dim: number, encoding: "f32" | "int8"): FaqIndex {
  const count = matrix.length / dim;
  let quantized: QuantizedMatrix | null = null;
  if (encoding === "int8") {
    const stride = int8Stride(dim);
    quantized = { rows: new Int8Array(count * stride), stride, scales: new Float32Array(count), residuals: new Uint8Array(count * (stride >> 1)) };
    for (let row = 0; row < count; row++) {
      const vector = matrix.subarray(row * dim, (row + 1) * dim);
      const rowBytes = quantized.rows.subarray(row * stride, (row + 1) * stride);
      quantized.scales[row] = quantizeInto(vector, rowBytes);
      residualsInto(vector, rowBytes, quantized.scales[row]!, quantized.residuals.subarray(row * (stride >> 1), (row + 1) * (stride >> 1)));
    }
  }
  return {
    version: encoding, model: "bench", builtAt: "", fusionAlpha: 0.6, answerThreshold: null,
    dim, count,
    matrix: encoding === "f32" ? matrix : null,
    quantized,
    bytes: new Uint8Array(0),
    record: () => ({ id: "", question: "", answer: null, url: null, category: null }),
    idRank: Uint32Array.from({ length: count }, (_, i) => i),
    lexical: { terms: [], postingStart: new Uint32Array(1), postingDoc: new Uint32Array(0), postingWeight: new Float32Array(0) },
    categoryKeys: [],
  };
}
