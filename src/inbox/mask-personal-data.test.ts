import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask-personal-data";

describe("maskPersonalData", () => {
  it.each([
    ["reset for jane.doe+help@example.co.uk please", "reset for [email] please"],
    ["my card 4417 1234 5678 9113 was charged twice", "my card [number] was charged twice"],
    ["call me on +44 (20) 7946-0958", "call me on [number]"],
    ["order 1234567 not here", "order [number] not here"],
    ["do I get Medicare at 65 in 2026?", "do I get Medicare at 65 in 2026?"],
    ["form CMS-40B and 1-800", "form CMS-40B and 1-800"],
    ["café@münchen.de", "[email]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
