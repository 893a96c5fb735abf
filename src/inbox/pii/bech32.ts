// BIP-173 (bech32) and BIP-350 (bech32m) checksums, which SegWit addresses
// ("bc1q...", "bc1p...") end with: six characters of a BCH code over the
// human-readable part and the data.

const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32 = 1;
const BECH32M = 0x2bc830a3;

function polymod(values: number[]): number {
  let check = 1;
  for (const value of values) {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) check ^= GENERATORS[i]!;
  }
  return check >>> 0;
}

/** Whether `address` (one case, at most 90 characters) carries a valid bech32 or bech32m checksum. */
export function passesBech32(address: string): boolean {
  if (address.length > 90 || (address !== address.toLowerCase() && address !== address.toUpperCase())) return false;
  const lower = address.toLowerCase();
  const separator = lower.lastIndexOf("1");
  if (separator < 1 || lower.length - separator - 1 < 6) return false;
  const values: number[] = [];
  for (const char of lower.slice(0, separator)) values.push(char.charCodeAt(0) >> 5);
  values.push(0);
  for (const char of lower.slice(0, separator)) values.push(char.charCodeAt(0) & 31);
  for (const char of lower.slice(separator + 1)) {
    const value = CHARSET.indexOf(char);
    if (value < 0) return false;
    values.push(value);
  }
  const check = polymod(values);
  return check === BECH32 || check === BECH32M;
}
