/**
 * A feature-extraction endpoint for seed tests: a deterministic vector per
 * text, every call recorded, and failures on demand from the Nth call.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubEmbedder {
  url: string;
  /** The texts of each call, in order. */
  calls: string[][];
  /** Calls from this number on (1-based) answer 500. */
  failFromCall: number;
  close(): Promise<void>;
}

/**
 * A deterministic `dim`-d vector per text, from its SHA-256: one byte per
 * dimension, so beyond 32 dimensions the digests of the text with a block
 * number follow (the first 32 values stay those of the text's own digest).
 */
export function stubVector(text: string, dim: number): number[] {
  const blocks: Buffer[] = [];
  for (let block = 0; block * 32 < dim; block++) blocks.push(createHash("sha256").update(block === 0 ? text : `${text}\u0000${block}`).digest());
  return Array.from(Buffer.concat(blocks).subarray(0, dim), (byte) => byte / 255 + 0.01);
}

export async function startStubEmbedder(dim = 8): Promise<StubEmbedder> {
  const stub: StubEmbedder = { url: "", calls: [], failFromCall: Number.POSITIVE_INFINITY, close: async () => {} };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const { inputs } = JSON.parse(body) as { inputs: string | string[] };
      const texts = typeof inputs === "string" ? [inputs] : inputs;
      stub.calls.push(texts);
      if (stub.calls.length >= stub.failFromCall) return res.writeHead(500, { "content-type": "application/json" }).end('{"error":"injected failure"}');
      const rows = texts.map((text) => stubVector(text, dim));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(typeof inputs === "string" ? rows[0] : rows));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}
