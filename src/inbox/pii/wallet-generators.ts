/**
 * fast-check generators of crypto wallet addresses for the masking tests,
 * encoded here independently of the code under test: Base58 with BigInt and
 * node:crypto's SHA-256, bech32 and bech32m by BIP-173 and BIP-350.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const BASE58_CHARS = BASE58;

function base58(bytes: Uint8Array): string {
  let n = BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();

/** A Bitcoin P2PKH ("1...") or P2SH ("3...") address with its double SHA-256 checksum. */
export const base58Address = fc
  .tuple(fc.constantFrom(0x00, 0x05), fc.uint8Array({ minLength: 20, maxLength: 20 }))
  .map(([version, hash]) => {
    const payload = Uint8Array.from([version, ...hash]);
    return base58(Uint8Array.from([...payload, ...sha256(sha256(payload)).subarray(0, 4)]));
  });

const BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    gen.forEach((g, i) => { if ((b >>> i) & 1) chk = (chk ^ g) >>> 0; });
  }
  return chk;
}

function toFiveBits(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) out.push((acc >>> (bits -= 5)) & 31);
  }
  if (bits > 0) out.push((acc << (5 - bits)) & 31);
  return out;
}

/** A SegWit address: version 0 (bech32, 20- or 32-byte program) or version 1 (bech32m, 32 bytes). */
export const segwitAddress = fc
  .tuple(fc.constantFrom("bc", "tb"), fc.constantFrom(0, 1), fc.boolean(), fc.uint8Array({ minLength: 32, maxLength: 32 }))
  .map(([hrp, version, short, program]) => {
    const data = [version, ...toFiveBits(version === 0 && short ? program.subarray(0, 20) : program)];
    const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
    const constant = version === 0 ? 1 : 0x2bc830a3;
    const mod = bech32Polymod([...expanded, ...data, 0, 0, 0, 0, 0, 0]) ^ constant;
    const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
    return `${hrp}1${[...data, ...checksum].map((v) => BECH32_CHARSET[v]).join("")}`;
  });
