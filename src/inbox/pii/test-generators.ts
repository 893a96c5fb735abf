/**
 * fast-check generators shared by the masking tests: digits of several
 * scripts, every separator the masking must accept, and identifiers built by
 * their own rules with checksums computed here, independently of the code
 * under test (BigInt for mod-97; wallets are in wallet-generators.ts).
 */
import fc from "fast-check";

/** Zero of ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai, fullwidth and mathematical bold (outside the BMP) digits. */
export const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce];
export const script = fc.constantFrom(...DIGIT_ZEROS);
export const inScript = (text: string, zero: number) =>
  text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));

const allOf = (test: RegExp) => {
  const chars: string[] = [];
  for (let cp = 0; cp < 0x11000; cp++) if (test.test(String.fromCodePoint(cp))) chars.push(String.fromCodePoint(cp));
  return chars;
};
/** Every dash (Pd, U+2011 among them), every space (Zs), the minus sign and , . _ : * · | + / */
export const SEPARATORS = [...allOf(/^\p{Pd}$/u), ...allOf(/^\p{Zs}$/u), "\u2212", ",", ".", "_", ":", "*", "\u00b7", "|", "+", "/"];
export const separator = fc.constantFrom(...SEPARATORS);
export const separators = fc.array(separator, { minLength: 6, maxLength: 6 });

/** `groups` joined, the i-th gap by `seps[i]`. */
export const joinGroups = (groups: string[], seps: string[]) =>
  groups.reduce((out, group, i) => (i === 0 ? group : out + seps[i - 1]! + group), "");

export const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(""));

/** `text` with the digit at `index` replaced by a different one. */
export const changeDigit = (text: string, index: number, delta: number) =>
  text.slice(0, index) + String((Number(text[index]) + delta) % 10) + text.slice(index + 1);

// ---- cards -----------------------------------------------------------------

function luhnCheckDigit(partial: string): string {
  let sum = 0;
  [...partial].reverse().forEach((d, i) => {
    const doubled = i % 2 === 0 ? Number(d) * 2 : Number(d);
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return String((10 - (sum % 10)) % 10);
}

// Real issuer prefixes, so no generated card starts like a year (19xx, 20xx).
const ISSUERS = ["4", "51", "55", "34", "37", "36", "6011", "65", "2221", "2720", "35"];
export const cardNumber = fc
  .tuple(fc.constantFrom(...ISSUERS), fc.integer({ min: 12, max: 19 }), digits(19))
  .map(([issuer, length, body]) => {
    const partial = (issuer + body).slice(0, length - 1);
    return partial + luhnCheckDigit(partial);
  });

/** How a card is printed: unbroken, in fours (the rest last), or 4-6-rest (Amex, Diners). */
export const cardGroups = (card: string, style: number): string[] => {
  if (style === 0) return [card];
  if (style === 1) return card.match(/.{1,4}/g)!;
  return [card.slice(0, 4), card.slice(4, 10), card.slice(10)];
};

// ---- IBANs -----------------------------------------------------------------

/** IBAN lengths of some countries, from the SWIFT registry, written out here independently of iban.ts. */
export const IBAN_LENGTHS: Record<string, number> = {
  GB: 22, DE: 22, FR: 27, NL: 18, BE: 16, ES: 24, IT: 27, CH: 21, AT: 20, NO: 15, DK: 18, FI: 18, SE: 24,
  PL: 28, PT: 25, IE: 22, LU: 20, GR: 27, CZ: 24, HU: 28, RO: 24, BG: 22, HR: 21, SI: 19, SK: 24, EE: 20,
  LT: 20, LV: 21, MT: 31, CY: 28, IS: 26, TR: 26, SA: 24, AE: 23, IL: 23, BR: 29, LC: 32, RU: 33,
};

const mod97 = (text: string) =>
  BigInt([...text].map((c) => parseInt(c, 36).toString()).join("")) % 97n;

/** An IBAN with valid check digits: country, then a BBAN of digits and some capital letters. */
export const iban = fc
  .tuple(
    fc.constantFrom(...Object.keys(IBAN_LENGTHS)),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: 10, max: 35 }).map((n) => n.toString(36).toUpperCase()) }),
    { minLength: 30, maxLength: 30 }),
  )
  .map(([country, chars]) => {
    const bban = chars.join("").slice(0, IBAN_LENGTHS[country]! - 4);
    const check = String(98n - mod97(`${bban + country}00`)).padStart(2, "0");
    return country + check + bban;
  });
