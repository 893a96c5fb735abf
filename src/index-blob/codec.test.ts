import { describe, expect, it } from "vitest";
import type { FaqRecord } from "../faq-record";
import { buildIndex } from "./build-index";
import { CorruptIndexError, decodeIndex } from "./decode";
import { contentDigest } from "./checksum";
import { CHECKSUM_BYTES, FIELD, FORMAT_VERSION, HEADER_BYTES, SECTION, SECTION_ALIGNMENT, SECTION_COUNT, alignUp, sectionLayout } from "./format";
import { FLAG_INT8, FLAG_ROW_BLOCKS } from "./vector-section";
import { denseScores } from "../search/dense-scores";
import { rowOf } from "../search/f32-matrix";
import { compareIds, rankIds } from "./id-order";
import { RANKING_DEFAULTS } from "../search/ranking-defaults";

const records: FaqRecord[] = [
  { id: "10", question: "ten", answer: "Ten.", url: "https://x.test/10", category: "Numbers" },
  { id: "2", question: "two ✓", answer: null, url: null, category: null },
  { id: "b", question: "bee", answer: null, url: null, category: null },
];
const input = { model: "org/model", builtAt: "2026-01-01T00:00:00.000Z", dim: 3, records, vectors: [[3, 0, 4], [0, 2, 0], [1, 1, 1]] };
const sectionOffset = (blob: ArrayBuffer, section: number) => new DataView(blob).getUint32(FIELD.sections + 8 * section, true);

/** Five rows of dimension 8: one block of four, then one plain row. Row r < 4 is the unit vector along axis 2r; row 4 along axis 7. */
const fiveRows = {
  model: "org/model", builtAt: "2026-01-01T00:00:00.000Z", dim: 8,
  records: ["a", "b", "c", "d", "e"].map((id, i) => ({ id, question: id, answer: null, url: null, category: [null, "Billing", "account", "billing", null][i]! })),
  vectors: [0, 2, 4, 6, 7].map((axis) => Array.from({ length: 8 }, (_, j) => (j === axis ? 1 : 0))),
};

/** A copy of `blob` changed by `edit`, with its SHA-256 made valid again, as a build would write it. */
async function resigned(blob: ArrayBuffer | Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Promise<Uint8Array> {
  const bytes = blob instanceof Uint8Array ? blob.slice() : new Uint8Array(blob.slice(0));
  edit(new DataView(bytes.buffer), bytes);
  bytes.set(await contentDigest(bytes), bytes.length - CHECKSUM_BYTES);
  return bytes;
}

/**
 * The blob a format-4 build wrote for `input`: version 4, no row-block flag,
 * plain float32 rows, and each row's category in a JSON array. The sections
 * are laid out again, since the categories section changes length.
 */
async function asFormat4(input: typeof fiveRows): Promise<Uint8Array> {
  const current = new Uint8Array((await buildIndex(input)).blob);
  const view = new DataView(current.buffer);
  const sections: Uint8Array[] = Array.from({ length: SECTION_COUNT }, (_, i) => {
    const at = view.getUint32(FIELD.sections + 8 * i, true);
    return current.slice(at, at + view.getUint32(FIELD.sections + 8 * i + 4, true));
  });
  sections[SECTION.vectors] = new Uint8Array(Float32Array.from(input.vectors.flat()).buffer);
  sections[SECTION.categories] = new TextEncoder().encode(JSON.stringify(input.records.map((r) => r.category?.toLowerCase() ?? null)));
  const { offsets, checksumAt } = sectionLayout(sections);
  const old = new Uint8Array(checksumAt + CHECKSUM_BYTES);
  old.set(current.subarray(0, HEADER_BYTES));
  sections.forEach((section, i) => old.set(section, offsets[i]!));
  return resigned(old, (oldView) => {
    oldView.setUint16(FIELD.formatVersion, 4, true);
    oldView.setUint16(FIELD.flags, 0, true);
    oldView.setUint32(FIELD.totalLength, old.length, true);
    offsets.forEach((offset, i) => {
      oldView.setUint32(FIELD.sections + 8 * i, offset, true);
      oldView.setUint32(FIELD.sections + 8 * i + 4, sections[i]!.length, true);
    });
  });
}

describe("index blob", () => {
  it("parses a record once and hands out the same frozen object after that", async () => {
    const { blob } = await buildIndex(input);
    const index = await decodeIndex(blob);
    const first = index.record(1);
    expect(index.record(1)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual(records[1]);
    expect(() => index.record(3)).toThrow(/record 3 out of range/);
  });

  it("round-trips records, vectors, postings and id order, viewing the blob in place", async () => {
    const { blob, version } = await buildIndex(input);
    const index = await decodeIndex(blob, version);
    expect(index).toMatchObject({ version, model: "org/model", builtAt: input.builtAt, dim: 3, count: 3, fusionAlpha: RANKING_DEFAULTS.fusionAlpha, answerThreshold: null });
    expect(version).toMatch(/^[0-9a-f]{32}$/);
    expect([0, 1, 2].map((row) => index.record(row))).toEqual(records);
    expect(index.matrix!.values.buffer).toBe(blob);
    expect(index.matrix!.values.byteOffset % SECTION_ALIGNMENT).toBe(0);
    expect(index.matrix!.blockedRows).toBe(0); // dimension 3 cannot be blocked
    expect(Array.from(index.matrix!.values)).toEqual([0.6, 0, 0.8, 0, 1, 0, 1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)].map(Math.fround));
    expect(Array.from(index.idRank)).toEqual([1, 0, 2]);
    expect(index.lexical.terms).toEqual(["bee", "ten", "two"]);
    expect(Array.from(index.lexical.postingDoc)).toEqual([2, 0, 1]);
    expect(index.categories.names).toEqual(["numbers"]);
    expect(Array.from(index.categories.ofRow)).toEqual([0, -1, -1]);
    expect(index.lexical).toMatchObject({ k1: Math.fround(1.2), b: 0.75, averageLength: 1, language: "en", synonyms: [] });
    expect(Array.from(index.lexical.termIdf)).toEqual([1, 1, 1].map(() => Math.fround(Math.log(1 + 2.5 / 1.5))));
  });

  it("keeps the language and the synonym groups, as terms", async () => {
    const { blob } = await buildIndex({ ...input, language: "none", synonyms: [["Refunds", "money back"], ["lonely"]] });
    const index = await decodeIndex(blob);
    // a group needs two phrases; words are cut as the language says (no stemming here)
    expect(index.lexical).toMatchObject({ language: "none", synonyms: [[["refunds"], ["money", "back"]]] });
  });

  it("stores float32 rows in blocks of four, the rows after the last block plain, and gives each row back", async () => {
    const { blob } = await buildIndex(fiveRows);
    const index = await decodeIndex(blob);
    expect(new DataView(blob).getUint16(FIELD.flags, true)).toBe(FLAG_ROW_BLOCKS);
    expect(index.matrix!.blockedRows).toBe(4);
    // values 0-3 of rows 0, 1, 2, 3; then values 4-7 of rows 0, 1, 2, 3; then row 4 whole
    expect(Array.from(index.matrix!.values)).toEqual([
      1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0,
      0, 0, 0, 0, 0, 0, 0, 1,
    ]);
    expect([0, 1, 2, 3, 4].map((row) => Array.from(rowOf(index.matrix!, row)))).toEqual(fiveRows.vectors);
  });

  it("reads a format-4 blob, whose float32 rows are plain, the same way", async () => {
    const current = await decodeIndex((await buildIndex(fiveRows)).blob);
    const old = await decodeIndex(await asFormat4(fiveRows));
    expect(old.matrix!.blockedRows).toBe(0);
    expect(old.categories.names).toEqual(["billing", "account"]);
    expect(Array.from(old.categories.ofRow)).toEqual([-1, 0, 1, 0, -1]);
    expect(current.categories).toEqual(old.categories);
    expect(Array.from(old.matrix!.values)).toEqual(fiveRows.vectors.flat());
    expect([0, 1, 2, 3, 4].map((row) => Array.from(rowOf(old.matrix!, row)))).toEqual(fiveRows.vectors);
    const query = Float32Array.from({ length: 8 }, (_, j) => j + 1);
    expect(Array.from(denseScores(old.matrix!, query))).toEqual([1, 3, 5, 7, 8]);
    expect(Array.from(denseScores(current.matrix!, query))).toEqual([1, 3, 5, 7, 8]);
  });

  it("keeps a collection's answer calibration (format 6), and reads a format-5 blob, which has none, as confidence from the lead", async () => {
    const answer = { model: { mean: [1, 2, 3, 4, 5, 6, 7, 8], scale: [1, 1, 1, 1, 2, 2, 2, 2], weights: [0.5, -1, 0, 0, 0, 0, 0, 2], bias: -3 }, threshold: 0.8, precision: 0.8 };
    const withAnswer = await decodeIndex((await buildIndex({ ...fiveRows, answer })).blob);
    expect(withAnswer.answer).toEqual(answer);
    expect(withAnswer.answerThreshold).toBeNull();
    const format5 = await decodeIndex(await resigned((await buildIndex({ ...fiveRows, answerThreshold: 0.2 })).blob, (view) => view.setUint16(FIELD.formatVersion, 5, true)));
    expect(format5).toMatchObject({ answer: null, answerThreshold: 0.2 });
  });

  it.each([
    ["a format-5 flag bit it does not know", async () => resigned((await buildIndex(fiveRows)).blob, (view) => view.setUint16(FIELD.flags, FLAG_ROW_BLOCKS | 8, true)), /unknown flags/],
    ["row blocks in a format-4 blob", async () => resigned(await asFormat4(fiveRows), (view) => view.setUint16(FIELD.flags, FLAG_ROW_BLOCKS, true)), /unknown flags/],
    ["row blocks over int8 vectors", async () => resigned((await buildIndex({ ...fiveRows, encoding: "int8" })).blob, (view) => view.setUint16(FIELD.flags, FLAG_INT8 | FLAG_ROW_BLOCKS, true)), /float32 vectors only/],
    ["a word posting naming a FAQ the index does not have", async () => {
      const { blob } = await buildIndex(input);
      return resigned(blob, (view, bytes) => {
        const at = sectionOffset(blob, SECTION.lexical);
        const termCount = view.getUint32(at, true);
        new Uint32Array(bytes.buffer, at + 32 + 4 * (termCount + 1), 1)[0] = input.records.length; // rows are 0..2
      });
    }, /posting names a missing FAQ/],
    ["a row naming a category the list does not have", async () => {
      const { blob } = await buildIndex(fiveRows);
      return resigned(blob, (view, bytes) => {
        const at = sectionOffset(blob, SECTION.categories);
        const rowsAt = at + alignUp(4 + view.getUint32(at, true), 4);
        new Int32Array(bytes.buffer, rowsAt, 5)[1] = 2; // two names: 0 and 1
      });
    }, /missing category/],
    ["a category list naming one category twice", async () => {
      const { blob } = await buildIndex(fiveRows);
      return resigned(blob, (_view, bytes) => {
        const at = sectionOffset(blob, SECTION.categories) + 4;
        bytes.set(new TextEncoder().encode(`["billing","billing"]`), at); // the same length as ["billing","account"]
      });
    }, /category names malformed/],
    ["an answer calibration of the wrong shape", async () => (await buildIndex({ ...fiveRows, answer: { model: { mean: [0], scale: [1], weights: [1], bias: 0 }, threshold: 0.8, precision: 0.8 } })).blob, /bad answer calibration/],
    ["an answer threshold above 1", async () => (await buildIndex({ ...fiveRows, answer: { model: { mean: Array(8).fill(0), scale: Array(8).fill(1), weights: Array(8).fill(0), bias: 0 }, threshold: 1.5, precision: 0.8 } })).blob, /bad answer calibration/],
    ["a format newer than this code", async () => resigned((await buildIndex(fiveRows)).blob, (view) => view.setUint16(FIELD.formatVersion, FORMAT_VERSION + 1, true)), /unsupported format version/],
  ])("rejects %s, even with a valid checksum", async (_name, make, reason) => {
    await expect(decodeIndex(await make())).rejects.toThrow(reason);
  });

  it("stores int8 vectors with a scale each when asked", async () => {
    const { blob } = await buildIndex({ ...input, encoding: "int8" });
    const index = await decodeIndex(blob);
    expect(index.matrix).toBeNull();
    expect(index.quantized!.stride).toBe(16);
    expect(Array.from(index.quantized!.rows.subarray(0, 3))).toEqual([95, 0, 127]);
    expect(index.quantized!.scales[0]).toBeCloseTo(0.8 / 127, 7);
  });

  it("decodes from a view that does not start at the buffer's start", async () => {
    const { blob } = await buildIndex(input);
    const host = new Uint8Array(blob.byteLength + 64);
    host.set(new Uint8Array(blob), 32);
    const index = await decodeIndex(host.subarray(32, 32 + blob.byteLength));
    expect(index.record(2).id).toBe("b");
    await expect(decodeIndex(host.subarray(8, 8 + blob.byteLength))).rejects.toThrow(/not aligned/);
  });

  it("is content-addressed: same input, same version; other input, other version", async () => {
    const a = await buildIndex(input);
    const b = await buildIndex(input);
    const c = await buildIndex({ ...input, records: records.map((r, i) => (i === 0 ? { ...r, answer: "X" } : r)) });
    expect(a.version).toBe(b.version);
    expect(c.version).not.toBe(a.version);
  });

  const damage: Array<[string, (b: Uint8Array, blob: ArrayBuffer) => Uint8Array, RegExp]> = [
    ["too short", (b) => b.slice(0, 20), /too short/],
    ["bad magic", (b) => { b[0] = 0x41; return b; }, /bad magic/],
    ["an old format version", (b) => { b[FIELD.formatVersion] = 2; return b; }, /format version/],
    ["truncation", (b) => b.slice(0, b.length - 1), /length does not match/],
    ["a flipped vector bit", (b, blob) => { b[sectionOffset(blob, SECTION.vectors) + 5]! ^= 0x10; return b; }, /checksum/],
    ["a flipped record byte", (b, blob) => { b[sectionOffset(blob, SECTION.recordBytes) + 3]! ^= 0x01; return b; }, /checksum/],
    ["a flipped header byte", (b) => { b[FIELD.dim]! ^= 0x01; return b; }, /checksum/],
    ["a flipped checksum byte", (b) => { b[b.length - 1]! ^= 0x01; return b; }, /checksum/],
  ];
  it.each(damage)("rejects %s", async (_name, corrupt, reason) => {
    const { blob } = await buildIndex(input);
    const damaged = corrupt(new Uint8Array(blob.slice(0)), blob);
    await expect(decodeIndex(damaged)).rejects.toThrow(reason);
    await expect(decodeIndex(damaged)).rejects.toBeInstanceOf(CorruptIndexError);
  });

  it("rejects a valid blob under the wrong version", async () => {
    const { blob } = await buildIndex(input);
    await expect(decodeIndex(blob, "0".repeat(32))).rejects.toThrow(/does not match the version/);
  });

  it("refuses to encode vectors of the wrong length or zero norm", async () => {
    await expect(buildIndex({ ...input, vectors: [[1, 0], [0, 1, 0], [1, 1, 1]] })).rejects.toThrow(/vector 0 \(id 10\) has 2 dimensions, expected 3/);
    await expect(buildIndex({ ...input, vectors: [[0, 0, 0], [0, 1, 0], [1, 1, 1]] })).rejects.toThrow(/zero or not finite/);
    await expect(buildIndex({ ...input, vectors: [[1, 0, 0]] })).rejects.toThrow(/3 records but 1 vectors/);
  });
});

describe("id order", () => {
  it("puts numeric ids in numeric order before other ids", () => {
    expect(["b", "10", "2", "a", "002", "1"].sort(compareIds)).toEqual(["1", "002", "2", "10", "a", "b"]);
    expect(Array.from(rankIds(["10", "9", "x"]))).toEqual([1, 0, 2]);
  });
});
