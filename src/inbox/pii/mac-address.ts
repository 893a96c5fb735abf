import { matchSpans, type Found } from "./found";

// Six hex pairs joined by ":" or "-" (the same all through), or Cisco's three
// dotted groups of four with at least one hex letter: twelve dotted decimal
// digits (1234.5678.9012) are far more often a number than a MAC address
// without a single a-f. A seventh pair makes it something else.
const PAIRS = /(?<![\p{L}\p{N}]|[\p{L}\p{N}][:.-])[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}(?![\p{L}\p{N}]|[:.-][0-9a-f])/giu;
const CISCO = /(?<![\p{L}\p{N}]|[\p{L}\p{N}][:.-])(?=[0-9.]*[a-f])[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}(?![\p{L}\p{N}]|[:.-][0-9a-f])/giu;

/**
 * MAC addresses, as [mac]: a device's hardware address, not an IP address,
 * and the owner reading the inbox is better told which (see docs/privacy.md).
 */
export function findMacAddresses(text: string): Found[] {
  return [...matchSpans(text, PAIRS, "mac"), ...matchSpans(text, CISCO, "mac")];
}
