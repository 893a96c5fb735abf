import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { passesBech32 } from "./bech32";
import { sha256 } from "./sha256";
import { BASE58_CHARS, base58Address, segwitAddress } from "./wallet-generators";

const sentence = (address: string) => `I sent it to ${address} yesterday`;
/** What the masking makes of a wallet-like string that is not an address: a code, kept unless it has nine digits or more. */
const asCode = (text: string) => (text.replace(/\D/g, "").length >= 9 ? "[number]" : text);
const changeChar = (text: string, at: number, delta: number, alphabet: string) => {
  const i = 1 + (at % (text.length - 1));
  const next = alphabet[(alphabet.indexOf(text[i]!) + 1 + (delta % (alphabet.length - 1))) % alphabet.length]!;
  return text.slice(0, i) + next + text.slice(i + 1);
};

describe("crypto wallet addresses", () => {
  it("sha256 agrees with node:crypto for every length around the block boundaries", () => {
    for (let length = 0; length < 200; length++) {
      const data = randomBytes(length);
      expect(Buffer.from(sha256(data)).toString("hex")).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });

  it("masks a Base58Check P2PKH or P2SH address as [wallet]", () => {
    fc.assert(fc.property(base58Address, (address) => {
      expect(maskPersonalData(sentence(address))).toBe(sentence("[wallet]"));
    }));
  });

  it("does not take a Base58 address with one character changed (checksum fails) for a wallet", () => {
    fc.assert(fc.property(base58Address, fc.nat(), fc.nat(), (address, at, delta) => {
      const wrong = changeChar(address, at, delta, BASE58_CHARS);
      expect(maskPersonalData(sentence(wrong))).toBe(sentence(asCode(wrong)));
    }));
  });

  it("masks a SegWit bech32 or bech32m address as [wallet], in either case", () => {
    fc.assert(fc.property(segwitAddress, fc.boolean(), (address, upper) => {
      expect(passesBech32(address)).toBe(true);
      expect(maskPersonalData(sentence(upper ? address.toUpperCase() : address))).toBe(sentence("[wallet]"));
    }));
  });

  it("does not take a SegWit address with one data character changed (BCH code catches it) for a wallet", () => {
    const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    fc.assert(fc.property(segwitAddress, fc.nat(), fc.nat(), (address, at, delta) => {
      const wrong = address.slice(0, 3) + changeChar(address.slice(3), at, delta, charset);
      expect(passesBech32(wrong)).toBe(false);
      expect(maskPersonalData(sentence(wrong))).toBe(sentence(asCode(wrong)));
    }));
  });

  it("does not take a SegWit address in mixed case for a wallet (BIP-173 forbids it)", () => {
    fc.assert(fc.property(segwitAddress, (address) => {
      const mixed = address.slice(0, 10) + address.slice(10).toUpperCase();
      expect(passesBech32(mixed)).toBe(false);
      expect(maskPersonalData(sentence(mixed))).toBe(sentence(asCode(mixed)));
    }));
  });

  it("masks 0x with 40 hex digits (Ethereum) as [wallet]; 39 or 41 are not an address", () => {
    const hex = (n: number) => fc.array(fc.constantFrom(..."0123456789abcdefABCDEF"), { minLength: n, maxLength: n }).map((c) => c.join(""));
    fc.assert(fc.property(hex(41), (digits) => {
      expect(maskPersonalData(sentence(`0x${digits.slice(0, 40)}`))).toBe(sentence("[wallet]"));
      expect(maskPersonalData(sentence(`0x${digits.slice(0, 39)}`))).toBe(sentence(asCode(`0x${digits.slice(0, 39)}`)));
      expect(maskPersonalData(sentence(`0x${digits}`))).toBe(sentence(asCode(`0x${digits}`)));
    }));
  });

});
