import { CHECKSUM_OFFSET, HEADER_BYTES } from "./format";

/** SHA-256 of everything after the fixed header (Web Crypto: native speed in Workers and Node). */
export async function payloadDigest(blob: ArrayBuffer): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(blob, HEADER_BYTES));
  return new Uint8Array(digest);
}

export const storedDigest = (blob: ArrayBuffer) => new Uint8Array(blob, CHECKSUM_OFFSET, 32);

/** The version string is the first 16 digest bytes in hex: short, and still collision-free in practice. */
export function versionOf(digest: Uint8Array): string {
  let hex = "";
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, "0");
  return hex;
}
