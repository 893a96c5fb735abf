import { describe, expect, it } from "vitest";
import { EmbeddingShapeError, toUnitVectors } from "./embedding-shape";

const rows = (vectors: Float32Array[]) => vectors.map((v) => Array.from(v));

describe("toUnitVectors", () => {
  it("accepts a 1-D answer for one input", () => {
    expect(rows(toUnitVectors([3, 4], 1, 2))).toEqual([[0.6, 0.8].map(Math.fround)]);
  });

  it("accepts a batch of one, and mean-pools token rows for one input", () => {
    expect(rows(toUnitVectors([[0, 2]], 1, 2))).toEqual([[0, 1]]);
    // tokens [2,0] and [0,2] average to [1,1]
    expect(rows(toUnitVectors([[2, 0], [0, 2]], 1, 2))).toEqual([[Math.SQRT1_2, Math.SQRT1_2].map(Math.fround)]);
    expect(rows(toUnitVectors([[[2, 0], [0, 2]]], 1, 2))).toEqual([[Math.SQRT1_2, Math.SQRT1_2].map(Math.fround)]);
  });

  it("accepts one row per input for a batch, 2-D or token-level 3-D", () => {
    expect(rows(toUnitVectors([[1, 0], [0, 5]], 2, 2))).toEqual([[1, 0], [0, 1]]);
    expect(rows(toUnitVectors([[[1, 0]], [[0, 1], [0, 3]]], 2, 2))).toEqual([[1, 0], [0, 1]]);
  });

  it.each([
    ["a wrong dimension", [1, 0, 0], 1, /has 3 dimensions, expected 2/],
    ["a wrong row count", [[1, 0], [0, 1], [1, 1]], 2, /one embedding per input/],
    ["a 1-D answer for two inputs", [1, 0], 2, /one embedding per input/],
    ["an object", { vector: [1, 0] }, 1, /one embedding per input/],
    ["strings", ["1", "0"], 1, /one embedding per input/],
    ["an empty array", [], 1, /one embedding per input/],
    ["a zero vector", [0, 0], 1, /all zeros or has non-finite/],
    ["ragged tokens", [[[1, 0], [1]]], 1, /token vectors differ/],
  ])("rejects %s", (_name, output, inputs, message) => {
    expect(() => toUnitVectors(output, inputs, 2)).toThrow(EmbeddingShapeError);
    expect(() => toUnitVectors(output, inputs, 2)).toThrow(message);
  });

  it("skips the dimension check when none is expected", () => {
    expect(rows(toUnitVectors([0, 0, 2], 1, null))).toEqual([[0, 0, 1]]);
  });
});
