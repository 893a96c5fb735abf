import type { FaqIndex } from "../../src/index-blob/format";
import { encodeVectors, readVectors, vectorFlags } from "../../src/index-blob/vector-section";

/**
 * A FaqIndex over bare vectors (no texts, no BM25), so kernels are timed
 * through the Worker's own ranking code without building a whole blob.
 */
export function vectorOnlyIndex(matrix: Float32Array, dim: number, encoding: "f32" | "int8"): FaqIndex {
  const count = matrix.length / dim;
  // float32 row blocks, or int8 rows, scales and residuals, exactly as a blob stores them
  const rows = Array.from({ length: count }, (_, row) => matrix.subarray(row * dim, (row + 1) * dim));
  const vectors = readVectors(encodeVectors(encoding, rows, dim), vectorFlags(encoding), count, dim);
  return {
    version: encoding, model: "bench", builtAt: "", fusionAlpha: 0.6, answerThreshold: null, answer: null, allowedOrigins: null, groupThreshold: null,
    dim, count,
    ...vectors,
    bytes: new Uint8Array(0),
    record: () => ({ id: "", question: "", answer: null, url: null, category: null }),
    idRank: Uint32Array.from({ length: count }, (_, i) => i),
    lexical: {
      terms: [], postingStart: new Uint32Array(1), postingDoc: new Uint32Array(0), postingWeight: new Float32Array(0),
      termIdf: new Float32Array(0), k1: 1.2, b: 0.75, averageLength: 1, language: "none", synonyms: [],
    },
    categories: { names: [], ofRow: new Int32Array(count).fill(-1) },
  };
}
