/**
 * robots.txt as RFC 9309 reads it, one rule per test, each with the exact
 * answers for the product token "faq-edge" (sections cited in the names).
 */
import { describe, expect, it } from "vitest";
import { parseRobots } from "./robots";
import { patternMatches, type StepMeter } from "./robots-match";

const TOKEN = "faq-edge";
/** Which of `paths` the robots.txt `text` allows us to fetch. */
const allowed = (text: string, paths: string[], token = TOKEN) => {
  const rules = parseRobots(text, token);
  return paths.filter((path) => rules.allows(path));
};

describe("groups (2.1, 2.2.1, 2.2.4)", () => {
  it("a Sitemap line between user-agent lines does not end the group", () => {
    const text = "User-agent: BarBot\nSitemap: https://foo.bar/sitemap\nUser-agent: *\nDisallow: /\n";
    expect(allowed(text, ["/", "/page"], "BarBot")).toEqual([]);
    expect(allowed(text, ["/", "/page"])).toEqual([]);
  });

  it("an unknown line between user-agent lines does not end the group either", () => {
    const text = "User-agent: faq-edge\nCrawl-delay: 5\nUser-agent: OtherBot\nDisallow: /private\n";
    expect(allowed(text, ["/private", "/public"])).toEqual(["/public"]);
  });

  it("consecutive user-agent lines share the rules that follow them", () => {
    const text = "User-agent: barbot\nUser-agent: faq-edge\nDisallow: /example/page.html\n\nUser-agent: *\nDisallow: /\n";
    expect(allowed(text, ["/example/page.html", "/example/other.html"])).toEqual(["/example/other.html"]);
  });

  it("a user-agent line after a rule starts a new group, even after an empty Disallow", () => {
    const text = "User-agent: faq-edge\nDisallow:\nUser-agent: OtherBot\nDisallow: /\n";
    expect(allowed(text, ["/", "/page"])).toEqual(["/", "/page"]);
    expect(allowed(text, ["/", "/page"], "OtherBot")).toEqual([]);
  });

  it("matches the product token case-insensitively, and only the token part of the line's value", () => {
    expect(allowed("User-agent: FAQ-Edge\nDisallow: /a\n", ["/a", "/b"])).toEqual(["/b"]);
    expect(allowed("User-agent: faq-edge/2.0 (+https://faq-edge.example)\nDisallow: /a\n", ["/a", "/b"])).toEqual(["/b"]);
    // faq-edgebot is another crawler's token, not a longer spelling of ours
    expect(allowed("User-agent: faq-edgebot\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", ["/a", "/b"])).toEqual(["/a"]);
  });

  it("takes our own token without its version suffix", () => {
    expect(allowed("User-agent: faq-edge\nDisallow: /a\n\nUser-agent: *\nAllow: /\n", ["/a", "/b"], "faq-edge/0.1.0")).toEqual(["/b"]);
  });

  it("merges every group that names us, and then ignores the * group", () => {
    const text = "User-agent: faq-edge\nDisallow: /foo\n\nUser-agent: *\nDisallow: /\n\nUser-agent: faq-edge\nDisallow: /baz\n";
    expect(allowed(text, ["/foo", "/bar", "/baz"])).toEqual(["/bar"]);
  });

  it("falls back on the * group, and allows everything with neither", () => {
    const text = "User-agent: *\nDisallow: /foo\n\nUser-agent: BazBot\nDisallow: /baz\n";
    expect(allowed(text, ["/foo", "/baz"])).toEqual(["/baz"]);
    expect(allowed("User-agent: BazBot\nDisallow: /\n", ["/", "/baz"])).toEqual(["/", "/baz"]);
  });

  it("a group naming us with no rules allows everything, even if * disallows it", () => {
    expect(allowed("User-agent: *\nDisallow: /\n\nUser-agent: faq-edge\n", ["/", "/page"])).toEqual(["/", "/page"]);
  });

  it("ignores rules before the first user-agent line", () => {
    expect(allowed("Disallow: /\nUser-agent: *\nDisallow: /b\n", ["/a", "/b"])).toEqual(["/a"]);
  });
});

describe("matching (2.2.2, 2.2.3)", () => {
  it("the matching rule with the most octets wins, in either order", () => {
    const text = "User-agent: faq-edge\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n";
    expect(allowed(text, ["/example/page/disallowed.gif", "/example/page/ok.gif"])).toEqual(["/example/page/ok.gif"]);
    const flipped = "User-agent: faq-edge\nDisallow: /folder\nAllow: /folder/page\n";
    expect(allowed(flipped, ["/folder/page", "/folder/other"])).toEqual(["/folder/page"]);
  });

  it("counts a rule's length in octets of its percent-encoded form, not in characters", () => {
    // "/ツ" is /%E3%83%84, ten octets, and beats the six of "/*/pag"; counted in characters it would lose 2 to 6
    const text = "User-agent: faq-edge\nDisallow: /ツ\nAllow: /*/pag\n";
    expect(allowed(text, ["/%E3%83%84/page", "/other/page"])).toEqual(["/other/page"]);
  });

  it("on equally long Allow and Disallow, Allow wins", () => {
    expect(allowed("User-agent: faq-edge\nDisallow: /page\nAllow: /page\n", ["/page"])).toEqual(["/page"]);
    expect(allowed("User-agent: faq-edge\nDisallow: /*.html\nAllow: /a*html\n", ["/a.html", "/b.html"])).toEqual(["/a.html"]);
  });

  it("* matches any run of octets, / included; a final $ anchors the end; otherwise a prefix matches", () => {
    const text = "User-agent: faq-edge\nDisallow: *.gif$\nDisallow: /this/*/exactly$\nDisallow: /fish\n";
    expect(allowed(text, ["/a/b.gif", "/a/b.gif?x", "/this/is/exactly", "/this/a/b/exactly", "/this/is/exactly/not", "/fish.html", "/Fish"]))
      .toEqual(["/a/b.gif?x", "/this/is/exactly/not", "/Fish"]);
  });

  it("a $ that is not last is an ordinary character", () => {
    expect(allowed("User-agent: faq-edge\nDisallow: /a$b\n", ["/a$b", "/a%24b", "/a"])).toEqual(["/a"]);
  });

  it("matches the query too", () => {
    expect(allowed("User-agent: faq-edge\nDisallow: /*?\n", ["/page", "/page?sort=1"])).toEqual(["/page"]);
  });

  it("an empty Disallow or Allow is no rule at all", () => {
    expect(allowed("User-agent: faq-edge\nDisallow:\n", ["/", "/page"])).toEqual(["/", "/page"]);
    expect(allowed("User-agent: faq-edge\nDisallow: /page\nAllow:\n", ["/page", "/other"])).toEqual(["/other"]);
  });

  it("always allows /robots.txt", () => {
    expect(allowed("User-agent: *\nDisallow: /\n", ["/robots.txt", "/robots.txt.bak", "/"])).toEqual(["/robots.txt"]);
  });

  it("takes a whole URL as well as a path", () => {
    expect(allowed("User-agent: *\nDisallow: /a\n", ["https://example.com/a/b?q#top", "https://example.com", "http://example.com/b"]))
      .toEqual(["https://example.com", "http://example.com/b"]);
  });
});

describe("percent-encoding (2.2.2, 2.2.3)", () => {
  it("percent-encodes non-ASCII characters as UTF-8, in rules and in paths", () => {
    const text = "User-agent: faq-edge\nDisallow: /\nAllow: /foo/bar/ツ\n";
    expect(allowed(text, ["/foo/bar/%E3%83%84", "/foo/bar/ツ", "/foo/bar/%E3%83%85"])).toEqual(["/foo/bar/%E3%83%84", "/foo/bar/ツ"]);
    expect(allowed("User-agent: faq-edge\nDisallow: /\nAllow: /foo/bar/%E3%83%84\n", ["/foo/bar/ツ"])).toEqual(["/foo/bar/ツ"]);
  });

  it("treats %aa and %AA as the same octet, on either side", () => {
    const text = "User-agent: faq-edge\nDisallow: /a%aa\nDisallow: /b%BB\n";
    expect(allowed(text, ["/a%AA", "/a%aa", "/b%bb", "/b%BB", "/c"])).toEqual(["/c"]);
  });

  it("decodes escapes of unreserved characters only: %62 is b, %2F is not /", () => {
    expect(allowed("User-agent: faq-edge\nDisallow: /foo/bar/baz\n", ["/foo/bar/%62%61%7A", "/foo/bar/%62%61%7a"])).toEqual([]);
    expect(allowed("User-agent: faq-edge\nDisallow: /a%2Fb\n", ["/a/b", "/a%2fb", "/a%2Fb"])).toEqual(["/a/b"]);
  });

  it("matches %2A and %24 in a rule against a literal * and $ in the URI", () => {
    const text = "User-agent: faq-edge\nDisallow: /path/file-with-a-%2A.html\nDisallow: /path/foo-%24\n";
    expect(allowed(text, ["/path/file-with-a-*.html", "/path/foo-$", "/path/file-with-a-b.html", "/path/foo-"])).toEqual(["/path/file-with-a-b.html", "/path/foo-"]);
  });
});

describe("lines (2.2, formal syntax)", () => {
  it("ends lines at CR alone, at LF and at CRLF", () => {
    const paths = ["/a", "/b", "/c", "/d"];
    expect(allowed("User-agent: faq-edge\rDisallow: /a\rDisallow: /b\r", paths)).toEqual(["/c", "/d"]);
    expect(allowed("User-agent: faq-edge\r\nDisallow: /a\r\n\r\nDisallow: /b\r\n", paths)).toEqual(["/c", "/d"]);
    expect(allowed("User-agent: faq-edge\nDisallow: /a\r\nDisallow: /b\rDisallow: /c\n", paths)).toEqual(["/d"]);
  });

  it("ignores a UTF-8 byte order mark at the start", () => {
    expect(allowed("\uFEFFUser-agent: faq-edge\nDisallow: /a\n", ["/a", "/b"])).toEqual(["/b"]);
  });

  it("drops # comments to the end of the line", () => {
    const text = "# User-agent: faq-edge\nUser-agent: * # everyone\nDisallow: /a # not /a # b\nDisallow: /c#d\n#Disallow: /e\n";
    expect(allowed(text, ["/a", "/a #", "/c", "/cd", "/e"])).toEqual(["/e"]);
  });

  it("reads field names in any case, with spaces or tabs around the colon", () => {
    expect(allowed("USER-AGENT\t:\tFAQ-EDGE\n  disallow :/a\nDisAllow:  /b  \n", ["/a", "/b", "/c"])).toEqual(["/c"]);
  });

  it("accepts no misspelt field names, and a misspelt line does not end a group", () => {
    const text = "User-agent: faq-edge\nDisalow: /a\nUseragent: OtherBot\nUser-agent: OtherBot\nDisallow: /b\n";
    expect(allowed(text, ["/a", "/b"])).toEqual(["/a"]);
    expect(allowed(text, ["/a", "/b"], "OtherBot")).toEqual(["/a"]);
  });
});

describe("time (no backtracking)", () => {
  const stars = `/${"*a".repeat(22)}*b`;
  const text = `User-agent: faq-edge\nDisallow: ${stars}\n`;

  it("answers a rule with 22 wildcards against 40 and 4000 a's", () => {
    for (const length of [40, 4000]) {
      const path = `/${"a".repeat(length)}`;
      expect(allowed(text, [path, `${path}b`])).toEqual([path]);
    }
  });

  it("takes at most (pattern + 1) x (path + 1) steps", () => {
    for (const length of [40, 4000]) {
      for (const path of [`/${"a".repeat(length)}`, `/${"a".repeat(length)}b`, `/${"ab".repeat(length / 2)}`]) {
        const meter: StepMeter = { steps: 0 };
        parseRobots(text, TOKEN, meter).allows(path);
        expect(meter.steps).toBeLessThanOrEqual((stars.length + 1) * (path.length + 1));
      }
    }
    // the same bound holds for the anchored form, which cannot stop at a prefix
    const meter: StepMeter = { steps: 0 };
    expect(patternMatches(`${stars}$`, `/${"a".repeat(4000)}ba`, meter)).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual((stars.length + 2) * 4003);
  });
});
