import { passesBech32 } from "./bech32";
import { matchSpans, type Found } from "./found";
import { sha256 } from "./sha256";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** The bytes a Base58 string encodes (leading "1"s are zero bytes). */
function decodeBase58(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let carry = BASE58.indexOf(char);
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff);
  }
  for (let i = 0; i < text.length && text[i] === "1"; i++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** A legacy (P2PKH, version 0) or script (P2SH, version 5) address: 25 bytes whose last 4 are the double SHA-256 of the rest. */
function passesBase58Check(address: string): boolean {
  const bytes = decodeBase58(address);
  if (bytes.length !== 25 || (bytes[0] !== 0x00 && bytes[0] !== 0x05)) return false;
  const check = sha256(sha256(bytes.subarray(0, 21)));
  return check.every((byte, i) => i >= 4 || byte === bytes[21 + i]);
}

const EDGE_START = "(?<![\\p{L}\\p{N}])";
const EDGE_END = "(?![\\p{L}\\p{N}])";
const LEGACY = new RegExp(`${EDGE_START}[13][1-9A-HJ-NP-Za-km-z]{25,34}${EDGE_END}`, "gu");
const SEGWIT = new RegExp(`${EDGE_START}(?:bc|tb)1[02-9ac-hj-np-z]{6,87}${EDGE_END}`, "giu");
const ETHEREUM = new RegExp(`${EDGE_START}0x[0-9a-f]{40}${EDGE_END}`, "giu");

/**
 * Crypto wallet addresses, as [wallet]: Bitcoin Base58Check (P2PKH "1...",
 * P2SH "3...") with its double SHA-256 checksum, SegWit bech32/bech32m
 * ("bc1...", testnet "tb1...") with its BCH checksum, and Ethereum "0x" with
 * 40 hex digits by shape (its mixed-case EIP-55 checksum needs Keccak-256, and
 * an all-lowercase address, which has none, is just as valid).
 */
export function findWalletAddresses(text: string): Found[] {
  return [
    ...matchSpans(text, LEGACY, "wallet", (match) => passesBase58Check(match[0])),
    ...matchSpans(text, SEGWIT, "wallet", (match) => passesBech32(match[0])),
    ...matchSpans(text, ETHEREUM, "wallet"),
  ];
}
