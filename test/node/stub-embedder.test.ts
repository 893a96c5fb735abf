import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubEmbedder, stubVector, type StubEmbedder } from "../stand-ins/stub-embedder";

const byteValue = (byte: number) => byte / 255 + 0.01;

describe("stubVector", () => {
  it("gives as many values as dimensions asked, beyond a digest's 32 bytes", () => {
    expect(stubVector("How do I reset my password?", 384)).toHaveLength(384);
    expect(stubVector("x", 33)).toHaveLength(33);
  });

  it("keeps the first 32 values of the text's own digest, then follows with the digest of the text and the block number", () => {
    const own = createHash("sha256").update("refund").digest();
    const second = createHash("sha256").update("refund\u00001").digest();
    const vector = stubVector("refund", 40);
    expect(vector.slice(0, 32)).toEqual(Array.from(own, byteValue));
    expect(vector.slice(32)).toEqual(Array.from(second.subarray(0, 8), byteValue));
    expect(stubVector("refund", 8)).toEqual(vector.slice(0, 8));
  });
});

describe("startStubEmbedder", () => {
  let stub: StubEmbedder;
  beforeAll(async () => {
    stub = await startStubEmbedder(384);
  });
  afterAll(() => stub.close());

  it("answers a 384-d vector for one input, and a row per input for a list", async () => {
    const post = async (inputs: string | string[]) =>
      (await fetch(stub.url, { method: "POST", body: JSON.stringify({ inputs }) })).json();
    expect(await post("refund")).toEqual(stubVector("refund", 384));
    expect(await post(["a", "b"])).toEqual([stubVector("a", 384), stubVector("b", 384)]);
  });
});
