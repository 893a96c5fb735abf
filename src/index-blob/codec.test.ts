import { describe, expect, it } from "vitest";
import type { FaqRecord } from "../faq-record";
import { CorruptIndexError, decodeIndex } from "./decode";
import { buildIndex as encodeIndex } from "./build-index";
import { FIELD, MATRIX_ALIGNMENT } from "./format";
import { compareIds, rankIds } from "./id-order";

const records: FaqRecord[] = [
  { id: "10", question: "ten", answer: "Ten.", url: "https://x.test/10", category: "Numbers" },
  { id: "2", question: "two ✓", answer: null, url: null, category: null },
  { id: "b", question: "bee", answer: null, url: null, category: null },
];
const input = { model: "org/model", builtAt: "2026-01-01T00:00:00.000Z", dim: 3, records, vectors: [[3, 0, 4], [0, 2, 0], [1, 1, 1]] };

describe("index blob", () => {
  it("round-trips records and normalised vectors, with an aligned zero-copy matrix", async () => {
    const { blob, version } = await encodeIndex(input);
    const index = await decodeIndex(blob, version);
    expect(index).toMatchObject({ version, model: "org/model", builtAt: input.builtAt, dim: 3, count: 3, records });
    expect(version).toMatch(/^[0-9a-f]{32}$/);
    expect(index.matrix!.buffer).toBe(blob);
    expect(index.matrix!.byteOffset % MATRIX_ALIGNMENT).toBe(0);
    expect(Array.from(index.matrix!)).toEqual([0.6, 0, 0.8, 0, 1, 0, 1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)].map(Math.fround));
    expect(Array.from(index.idRank)).toEqual([1, 0, 2]);
    expect(index).toMatchObject({ fusionAlpha: 0.6, answerThreshold: null });
    expect(index.lexical.terms).toEqual(["bee", "ten", "two"]);
    expect(Array.from(index.lexical.postingDoc)).toEqual([2, 0, 1]);
    expect(index.categoryKeys).toEqual(["numbers", null, null]);
  });

  it("is content-addressed: same input, same version; other input, other version", async () => {
    const a = await encodeIndex(input);
    const b = await encodeIndex(input);
    const c = await encodeIndex({ ...input, records: records.map((r, i) => (i === 0 ? { ...r, answer: "X" } : r)) });
    expect(a.version).toBe(b.version);
    expect(c.version).not.toBe(a.version);
  });

  const damage: Array<[string, (b: Uint8Array) => Uint8Array | ArrayBuffer, RegExp]> = [
    ["too short", (b) => b.slice(0, 20), /too short/],
    ["bad magic", (b) => { b[0] = 0x41; return b; }, /bad magic/],
    ["format version", (b) => { b[FIELD.formatVersion] = 9; return b; }, /format version/],
    ["truncation", (b) => b.slice(0, b.length - 1), /length does not match/],
    ["an old format version", (b) => { b[FIELD.formatVersion] = 1; return b; }, /format version/],
    ["a flipped matrix bit", (b) => { b[b.length - 200]! ^= 0x10; return b; }, /checksum/],
    ["a flipped record byte", (b) => { b[b.length - 3]! ^= 0x01; return b; }, /checksum/],
  ];
  it.each(damage)("rejects %s", async (_name, corrupt, reason) => {
    const { blob } = await encodeIndex(input);
    const damaged = corrupt(new Uint8Array(blob.slice(0)));
    const buffer = damaged instanceof Uint8Array ? damaged.buffer.slice(damaged.byteOffset, damaged.byteOffset + damaged.byteLength) : damaged;
    await expect(decodeIndex(buffer as ArrayBuffer)).rejects.toThrow(reason);
    await expect(decodeIndex(buffer as ArrayBuffer)).rejects.toBeInstanceOf(CorruptIndexError);
  });

  it("rejects a valid blob under the wrong version", async () => {
    const { blob } = await encodeIndex(input);
    await expect(decodeIndex(blob, "0".repeat(32))).rejects.toThrow(/does not match the version/);
  });

  it("refuses to encode vectors of the wrong length or zero norm", async () => {
    await expect(encodeIndex({ ...input, vectors: [[1, 0], [0, 1, 0], [1, 1, 1]] })).rejects.toThrow(/vector 0 \(id 10\) has 2 dimensions, expected 3/);
    await expect(encodeIndex({ ...input, vectors: [[0, 0, 0], [0, 1, 0], [1, 1, 1]] })).rejects.toThrow(/zero or not finite/);
    await expect(encodeIndex({ ...input, vectors: [[1, 0, 0]] })).rejects.toThrow(/3 records but 1 vectors/);
  });
});

describe("id order", () => {
  it("puts numeric ids in numeric order before other ids", () => {
    expect(["b", "10", "2", "a", "002", "1"].sort(compareIds)).toEqual(["1", "002", "2", "10", "a", "b"]);
    expect(Array.from(rankIds(["10", "9", "x"]))).toEqual([1, 0, 2]);
  });
});
