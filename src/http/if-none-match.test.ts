import { describe, expect, it } from "vitest";
import { ifNoneMatchHits } from "./if-none-match";

const ETAG = 'W/"0123abcd-feed"';

describe("ifNoneMatchHits", () => {
  it.each([
    [ETAG, true],
    ['"0123abcd-feed"', true], // the strong form of our weak tag: weak comparison
    ['W/"other", W/"0123abcd-feed"', true],
    ['"other" ,  "0123abcd-feed"  ', true],
    ["*", true],
    ["  *  ", true],
    ['W/"other"', false],
    ['W/"0123abcd-fee"', false],
    ["0123abcd-feed", false], // not quoted: not an entity-tag
    ['W/"0123abcd-feed" junk', false],
    ['"a", *', false], // * is only valid alone
    ["", false],
  ])("%j -> %s", (header, expected) => {
    expect(ifNoneMatchHits(header, ETAG)).toBe(expected);
  });

  it("matches nothing without a header", () => {
    expect(ifNoneMatchHits(undefined, ETAG)).toBe(false);
  });
});
