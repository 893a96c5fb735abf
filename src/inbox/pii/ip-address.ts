import type { Found } from "./found";

const OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]|0[0-9]{1,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** Four dotted numbers of 0-255 (leading zeros allowed: people type 192.168.001.001). */
export function isIpv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((part) => OCTET.test(part));
}

/** Eight hex groups, or fewer with one "::"; the last two may be written as an IPv4 address. */
export function isIpv6(text: string): boolean {
  let address = text;
  const lastColon = address.lastIndexOf(":");
  if (address.includes(".", lastColon)) {
    if (!isIpv4(address.slice(lastColon + 1))) return false;
    address = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

// Candidates: a prefix length (CIDR) or an IPv6 zone ("%eth0") belongs to the
// address. A fifth dotted number ("1.2.3.4.5") makes it something else.
const V4 = /(?<![\p{L}\p{N}.])(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?(?![\p{L}\p{N}]|\.\d)/gu;
const V6 = /(?<![\p{L}\p{N}:])(?=[0-9a-f]*:[0-9a-f]*:)([0-9a-f:]+(?:\.\d{1,3}){0,3})(%[\p{L}\p{N}_.-]*[\p{L}\p{N}])?(\/\d{1,3})?(?![\p{L}\p{N}:])/giu;

function spans(text: string, pattern: RegExp, isAddress: (address: string) => boolean, maxPrefix: number): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(pattern)) {
    const [whole, address, zone = "", prefix = ""] = match as unknown as string[];
    if (!isAddress(address!)) continue;
    // An impossible prefix ("10.0.0.0/123") is not part of the address.
    const end = prefix && Number(prefix.slice(1)) > maxPrefix ? whole!.length - prefix.length : whole!.length;
    found.push({ start: match.index!, end: match.index! + end, kind: "ip" });
  }
  return found;
}

/**
 * IPv4 and IPv6 addresses, as [ip]: every IPv6 form (full, "::"-compressed,
 * "::" alone, IPv4 embedded or mapped, with a zone), each checked group by
 * group, with a CIDR prefix length when it has one.
 */
export function findIpAddresses(text: string): Found[] {
  const v4 = spans(text, V4, isIpv4, 32);
  const v6 = spans(text, V6, isIpv6, 128);
  return [...v6, ...v4.filter((a) => !v6.some((b) => a.start < b.end && b.start < a.end))];
}
