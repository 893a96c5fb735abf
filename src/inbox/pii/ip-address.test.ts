import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";
import { isIpv6 } from "./ip-address";

const octet = fc.integer({ min: 0, max: 255 }).map(String);
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join("."));
const hexGroup = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean(), fc.boolean()).map(([n, upper, padded]) => {
  const hex = padded ? n.toString(16).padStart(4, "0") : n.toString(16);
  return upper ? hex.toUpperCase() : hex;
});

/** Any IPv6 form: eight groups, or fewer around one "::", the last two as IPv4 or not, with or without a zone and a prefix. */
const ipv6 = fc
  .tuple(
    fc.array(hexGroup, { minLength: 8, maxLength: 8 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })), { nil: undefined }),
    fc.option(ipv4, { nil: undefined }),
    fc.constantFrom("", "%eth0", "%1"),
    fc.constantFrom("", "/64", "/128", "/0"),
  )
  .map(([groups, cut, v4, zone, prefix]) => {
    const total = v4 ? 6 : 8;
    let parts = groups.slice(0, total);
    let text: string;
    if (cut) {
      const from = Math.min(cut[0], cut[1], total - 1);
      const to = Math.min(Math.max(cut[0], cut[1], from + 1), total);
      const head = parts.slice(0, from).join(":");
      parts = parts.slice(to);
      text = `${head}::${[...parts, ...(v4 ? [v4] : [])].join(":")}`;
    } else {
      text = [...parts, ...(v4 ? [v4] : [])].join(":");
    }
    return text + zone + prefix;
  });

const sentence = (ip: string) => `my router at ${ip} is blocked`;

describe("IP addresses", () => {
  it("masks any IPv4 address as [ip]", () => {
    fc.assert(fc.property(ipv4, (ip) => {
      expect(maskPersonalData(sentence(ip))).toBe(sentence("[ip]"));
    }));
  });

  it("masks any IPv6 form as one [ip]", () => {
    fc.assert(
      fc.property(ipv6, (ip) => {
        expect(maskPersonalData(sentence(ip))).toBe(sentence("[ip]"));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // what is left is what any other number would be: short and kept, long and masked,
    ["256.1.1.1", "256.1.1.1"],
    ["300.168.1.1", "[number]"],
    // grouped by three with one separator, like 8.000.000,
    ["256.256.256.256", "256.256.256.256"],
    // or ten digits that fit a US phone number
    ["256.10.100.10", "[phone]"],
  ])("four dotted numbers with one above 255 are no address: %s", (ip, masked) => {
    expect(maskPersonalData(sentence(ip))).toBe(sentence(masked));
  });

  it.each([
    ["::", true], ["::1", true], ["fe80::1", true], ["::ffff:192.0.2.1", true], ["64:ff9b::192.0.2.1", true],
    ["1:2:3:4:5:6:7:8", true], ["1:2:3:4:5:6:7", false], ["1:2:3:4:5:6:7:8:9", false], ["1::2::3", false],
    ["12345::1", false], ["::ffff:256.0.0.1", false], ["::ffff:1.2.3", false], ["1:2:3:4:5:6:7::", true],
  ])("isIpv6(%s) is %s", (text, valid) => {
    expect(isIpv6(text)).toBe(valid);
  });

  it.each([
    ["from 192.168.0.1 and 10.0.0.1", "from [ip] and [ip]"],
    ["subnet 192.168.1.0/24", "subnet [ip]"],
    ["route 10.0.0.0/123", "route [ip]/123"],
    ["connect to [2001:db8::1]:8080", "connect to [[ip]]:8080"],
    ["gateway fe80::1%eth0 on wifi", "gateway [ip] on wifi"],
    ["mapped ::ffff:192.0.2.1 here", "mapped [ip] here"],
    ["Server IP: 2400:c401::5054:ff:fe1b:b031.", "Server IP: [ip]."],
    ["at 12:34:56 the ratio was 1:2:3:4", "at 12:34:56 the ratio was 1:2:3:4"],
    ["std::cout and MyClass::toString", "std::cout and MyClass::toString"],
    ["1.2.3.4.5 is a version", "1.2.3.4.5 is a version"],
    ["nine groups 1:2:3:4:5:6:7:8:9", "nine groups [number]"],
    ["two gaps 2001::db8::1", "two gaps 2001::db8::1"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
