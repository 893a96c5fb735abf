import { CHECKSUM_BYTES } from "./format";

/** SHA-256 of everything but the trailing checksum (Web Crypto: native speed in Workers and Node). */
export async function contentDigest(bytes: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest("SHA-256", bytes.subarray(0, bytes.length - CHECKSUM_BYTES));
  return new Uint8Array(digest);
}

export const storedDigest = (bytes: Uint8Array) => bytes.subarray(bytes.length - CHECKSUM_BYTES);

/** The version string is the first 16 digest bytes in hex: short, and still collision-free in practice. */
export function versionOf(digest: Uint8Array): string {
  let hex = "";
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, "0");
  return hex;
}
