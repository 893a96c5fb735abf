import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../mask-personal-data";

const word = (chars: string, max: number) =>
  fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: max }).map((c) => c.join(""));
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

describe("e-mail addresses", () => {
  it("masks local@domain as [email], with or without dots in the domain", () => {
    const local = fc.tuple(word(ALNUM, 8), fc.option(fc.tuple(fc.constantFrom(".", "_", "+", "-"), word(ALNUM, 6)), { nil: undefined }))
      .map(([head, tail]) => (tail ? head + tail[0] + tail[1] : head));
    const domain = fc.array(word(ALNUM, 8), { minLength: 1, maxLength: 3 }).map((labels) => labels.join("."));
    fc.assert(fc.property(local, domain, (l, d) => {
      expect(maskPersonalData(`reply to ${l}@${d} please`)).toBe("reply to [email] please");
    }));
  });

  it.each([
    ["reset for jane.doe+help@example.co.uk please", "reset for [email] please"],
    ["café@münchen.de", "[email]"],
    ["mail jane@localhost.", "mail [email]."],
    ["write to john dot doe at example dot com", "write to [email]"],
    ["my email is jane at gmail dot com, thanks", "my email is [email], thanks"],
    ["jane(at)example(dot)org", "[email]"],
    ["jo [at] mail [dot] co [dot] uk asked", "[email] asked"],
    ["JANE AT EXAMPLE DOT COM", "[email]"],
    // a web site, not an address
    ["Is it available at medicare dot gov?", "Is it available at medicare dot gov?"],
    ["sign up at login dot gov", "sign up at login dot gov"],
    ["jane at example.com", "jane at example.com"],
    ["meet me at noon", "meet me at noon"],
    ["ask @support", "ask @support"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
});
