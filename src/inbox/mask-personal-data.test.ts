import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask-personal-data";

describe("maskPersonalData", () => {
  it.each([
    ["reset for jane.doe+help@example.co.uk please", "reset for [email] please"],
    ["my card 4417 1234 5678 9113 was charged twice", "my card [card] was charged twice"],
    ["call me on +44 (20) 7946-0958", "call me on [phone]"],
    ["order 1234567 not here", "order [number] not here"],
    ["do I get Medicare at 65 in 2026?", "do I get Medicare at 65 in 2026?"],
    ["form CMS-40B and 1-800", "form CMS-40B and 1-800"],
    ["café@münchen.de", "[email]"],
  ])("%s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  // Each example of the issue, with the exact text stored.
  it.each([
    ["card 4111,1111,1111,1111 was charged twice", "card [card] was charged twice"],
    ["card 4111–1111–1111–1111 (en dashes)", "card [card] (en dashes)"],
    ["card 4111−1111−1111−1111 (minus signs)", "card [card] (minus signs)"],
    ["card 4111_1111_1111_1111", "card [card]"],
    ["card 4111:1111:1111:1111", "card [card]"],
    ["card 4111*1111*1111*1111", "card [card]"],
    ["card 4111·1111·1111·1111", "card [card]"],
    ["card 4111|1111|1111|1111", "card [card]"],
    ["card 4111+1111+1111+1111", "card [card]"],
    ["card 4111\u20111111\u20111111\u20111111 (non-breaking hyphens)", "card [card] (non-breaking hyphens)"],
    ["order 1234,5678", "order [number]"],
    ["order 1234·5678", "order [number]"],
    ["order 1234|5678", "order [number]"],
    ["order 1234\u20115678", "order [number]"],
    ["SSN 123–45–6789", "SSN [id]"],
    ["SSN 123−45−6789", "SSN [id]"],
    ["card ٤١١١ ١١١١ ١١١١ ١١١١", "card [card]"],
    ["SSN १२३-४५-६७८९", "SSN [id]"],
    ["call 555 l23 4567", "call [phone]"],
    ["mail jane@localhost", "mail [email]"],
    ["write to john dot doe at example dot com", "write to [email]"],
    ["IBAN GB29 NWBK 6016 1331 9268 19", "IBAN [iban]"],
    ["my Medicare number is 1EG4-TE5-MK73", "my Medicare number is [id]"],
    ["login from 192.168.10.20 and 2001:db8::8a2e:370:7334", "login from [ip] and [ip]"],
    ["router 00:1A:2B:3C:4D:5E", "router [mac]"],
    ["sent to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "sent to [wallet]"],
    ["Does open enrollment run from 10/15/2026 to 12/07/2026?", "Does open enrollment run from 10/15/2026 to 12/07/2026?"],
    ["Is the 2025-2026 open enrollment period still open?", "Is the 2025-2026 open enrollment period still open?"],
    ["Does plan H1234-001 cover dental?", "Does plan H1234-001 cover dental?"],
  ])("issue example: %s", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it("masks several kinds in one question, each whole, and leaves the words between them", () => {
    expect(maskPersonalData("I'm 1EG4-TE5-MK73, card 4111 1111 1111 1111, call (555) 123-4567 or jo@example.org before 10/15/2026"))
      .toBe("I'm [id], card [card], call [phone] or [email] before 10/15/2026");
  });

  it("never throws, whatever the text (lone surrogates and control characters included)", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 80 })), (text) => {
      expect(typeof maskPersonalData(text)).toBe("string");
    }), { numRuns: 500 });
  });
});
