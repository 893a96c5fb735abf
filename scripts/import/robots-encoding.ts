/**
 * The one form in which RFC 9309 (section 2.2.2) compares a robots.txt path
 * with a URI: octets outside ASCII percent-encoded as UTF-8, escapes of
 * unreserved characters decoded (so %62 and b are the same octet), every
 * other escape kept with upper-case hex (so %aa and %AA are, and %2F stays
 * apart from /). Both sides go through the same function, so a rule and a
 * URI that RFC 3986 calls equivalent compare equal.
 */

const HEX = "0123456789ABCDEF";
const isHex = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const escape = (byte: number) => `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
const isUnreserved = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 95 || code === 126;
/** Characters that RFC 3986 never lets appear raw in a URI; a URI carries them escaped, so a rule must too. */
const NOT_IN_URIS = new Set([...'"<>\\^`{|}'].map((c) => c.charCodeAt(0)));
const encoder = new TextEncoder();

export type Side = "path" | "pattern";

/**
 * `text` in matching form. On the path side `*` and `$` become %2A and %24:
 * in a rule they are special, so RFC 9309 (section 2.2.3) has rules name
 * them verbatim as %2A and %24, and a URI's literal `*` must meet that. On
 * the pattern side `*` stays the wildcard and a final `$` the anchor; a `$`
 * anywhere else can only be literal.
 */
export function toMatchForm(text: string, side: Side): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 37 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      const byte = parseInt(text.slice(i + 1, i + 3), 16);
      out += isUnreserved(byte) ? String.fromCharCode(byte) : escape(byte);
      i += 2;
    } else if (code >= 0x80) {
      // one code point (a surrogate pair is two UTF-16 units); a lone surrogate encodes as U+FFFD
      const point = text.codePointAt(i)!;
      const char = String.fromCodePoint(point);
      for (const byte of encoder.encode(char)) out += escape(byte);
      i += char.length - 1;
    } else if (code <= 0x20 || code === 0x7f || NOT_IN_URIS.has(code)) {
      out += escape(code);
    } else if (code === 42 /* * */) {
      out += side === "path" ? "%2A" : "*";
    } else if (code === 36 /* $ */) {
      out += side === "pattern" && i === text.length - 1 ? "$" : "%24";
    } else {
      out += text[i];
    }
  }
  return out;
}

/**
 * The path and query of a URL (no scheme, authority or fragment); a path
 * given alone is returned as it is, without its fragment. Never empty.
 */
export function pathAndQueryOf(pathOrUrl: string): string {
  let rest = pathOrUrl.replace(/#.*$/s, "");
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?]*/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  if (rest === "") return "/";
  return rest.startsWith("/") ? rest : `/${rest}`;
}
