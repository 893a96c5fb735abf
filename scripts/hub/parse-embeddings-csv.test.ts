import { describe, expect, it } from "vitest";
import { embeddingsCsv, float32Text } from "../seed/artifacts";
import { parseEmbeddingsCsv } from "./parse-embeddings-csv";

describe("embeddings.csv", () => {
  it("writes each float32 in few digits that read back exactly", () => {
    const values = new Float32Array([0.1, -0.048053585, 1 / 3, 1e-8, 0, 0.5]);
    const texts = Array.from(values, float32Text);
    expect(texts).toEqual(["0.1", "-0.048053585", "0.33333334", "1e-8", "0", "0.5"]);
    texts.forEach((text, i) => expect(Math.fround(Number(text))).toBe(values[i]));
  });

  it("round-trips what the seed writes, header and all", () => {
    const vectors = [new Float32Array([0.6, 0.8, 0]), new Float32Array([0, -1, 0])];
    const { dim, rows } = parseEmbeddingsCsv(embeddingsCsv(vectors, 3).join(""));
    expect(dim).toBe(3);
    expect(rows).toEqual(vectors);
  });

  it("accepts Windows line ends and a missing final newline", () => {
    expect(parseEmbeddingsCsv("0,1\r\n0.5,0.5\r\n1,0").rows).toEqual([new Float32Array([0.5, 0.5]), new Float32Array([1, 0])]);
  });

  it.each([
    ["", "embeddings.csv is empty"],
    ["0,1\n", "embeddings.csv has a header but no rows"],
    ["0.5,0.5\n1,0\n", "embeddings.csv line 1: expected a header of column names (0,1,2,...), found numbers"],
    ["0,1\n0.5,0.5\n1\n", "embeddings.csv line 3: 1 values, expected 2 like the header"],
    ["0,1\n0.5,abc\n", 'embeddings.csv line 2, column 1: "abc" is not a number'],
    ["0,1\n0.5,\n", 'embeddings.csv line 2, column 1: "" is not a number'],
    ["0,1\nNaN,1\n", 'embeddings.csv line 2, column 0: "NaN" is not a number'],
  ])("rejects %j: %s", (text, message) => {
    expect(() => parseEmbeddingsCsv(text)).toThrow(message);
  });
});
