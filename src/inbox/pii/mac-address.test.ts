import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";

const pairs = fc.array(fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, "0")), { minLength: 6, maxLength: 6 });
const sentence = (mac: string) => `my laptop ${mac} cannot join`;

describe("MAC addresses", () => {
  it("masks six hex pairs joined by : or - as [mac], either case", () => {
    fc.assert(fc.property(pairs, fc.constantFrom(":", "-"), fc.boolean(), (hex, joiner, upper) => {
      const mac = hex.join(joiner);
      expect(maskPersonalData(sentence(upper ? mac.toUpperCase() : mac))).toBe(sentence("[mac]"));
    }));
  });

  it("masks Cisco's dotted form (with at least one hex letter) as [mac]", () => {
    fc.assert(fc.property(pairs, fc.nat(11), fc.constantFrom(..."abcdefABCDEF"), (hex, at, letter) => {
      const flat = hex.join("");
      const withLetter = flat.slice(0, at) + letter + flat.slice(at + 1);
      const mac = withLetter.match(/.{4}/g)!.join(".");
      expect(maskPersonalData(sentence(mac))).toBe(sentence("[mac]"));
    }));
  });

  it.each([
    ["MACs: 00:11:22:33:44:55 and AA-BB-CC-DD-EE-FF", "MACs: [mac] and [mac]"],
    ["Physical address is aabb.ccdd.eeff", "Physical address is [mac]"],
    ["mixed 00:1A-2B:3C-4D:5E", "mixed 00:1A-2B:3C-4D:5E"],
    ["too short 00:1A:2B:3C:4D", "too short 00:1A:2B:3C:4D"],
    // twelve dotted decimal digits without a hex letter are a number
    ["ref 1234.5678.9012", "ref [number]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
