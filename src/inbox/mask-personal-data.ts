import type { CountryCode } from "libphonenumber-js/min";
import { findCardNumbers } from "./pii/card-number";
import { findEmailAddresses } from "./pii/email-address";
import { BLANK, type Found, type Recognizer } from "./pii/found";
import { findIbans } from "./pii/iban";
import { findIpAddresses } from "./pii/ip-address";
import { findKeptAmounts } from "./pii/kept-amounts";
import { findKeptCodes } from "./pii/kept-codes";
import { findKeptDates } from "./pii/kept-dates";
import { findLongNumbers } from "./pii/long-number";
import { findMacAddresses } from "./pii/mac-address";
import { findMedicareIds } from "./pii/medicare-id";
import { readLookalikes, toMatchingText } from "./pii/normalise-text";
import { findPhoneNumbers } from "./pii/phone-number";
import { findUsTaxpayerIds } from "./pii/us-taxpayer-id";
import { findWalletAddresses } from "./pii/wallet-address";

export interface MaskOptions {
  /** The country whose numbers a phone number without "+" is read as. Default "US". */
  defaultCountry?: CountryCode;
}

// Order is precedence: each recognizer sees the text with every earlier claim
// blanked out. Kinds written with letters first, on the text as typed; then,
// with look-alike letters read as digits, checksummed numbers (so a Luhn-valid
// card written like a date is still a card), then what is kept (dates,
// prices, codes) so that the phone finder and the digit-count fallback,
// last, never see it.
const LETTERED: Recognizer[] = [
  findIpAddresses,
  findMacAddresses,
  findEmailAddresses,
  findWalletAddresses,
  findIbans,
  findMedicareIds,
];
const numeric = (defaultCountry: CountryCode): Recognizer[] => [
  findCardNumbers,
  findUsTaxpayerIds,
  findKeptDates,
  findKeptAmounts,
  findKeptCodes,
  (text) => findPhoneNumbers(text, defaultCountry),
  findLongNumbers,
];

/** Takes what `recognizers` find, earlier entries first, and blanks it out of `work`. */
function take(work: string, recognizers: Recognizer[], claimed: Found[]): string {
  for (const recognize of recognizers) {
    const taken: Found[] = [];
    for (const found of recognize(work)) {
      if (found.end <= found.start || taken.some((t) => found.start < t.end && t.start < found.end)) continue;
      taken.push(found);
    }
    for (const { start, end } of taken) work = work.slice(0, start) + BLANK.repeat(end - start) + work.slice(end);
    claimed.push(...taken);
  }
  return work;
}

/** The spans to mask, in text order. */
function claim(text: string, defaultCountry: CountryCode): Found[] {
  const claimed: Found[] = [];
  const rest = take(text, LETTERED, claimed);
  if (/\d/.test(rest)) take(readLookalikes(rest), numeric(defaultCountry), claimed);
  return claimed.filter((found) => found.kind !== null).sort((a, b) => a.start - b.start);
}

/**
 * A visitor's question as the inbox keeps it: personal data replaced, whole,
 * by its kind, [card], [iban], [phone], [email], [id] (SSN, ITIN, Medicare
 * number), [ip], [mac], [wallet], or [number] (any other run of seven or more
 * digits). Visitors type such things into search boxes ("my card 4111 1111
 * 1111 1111 was charged twice"), and the owner needs the question, not the
 * number; dates, years, times, prices, versions and plan codes are the
 * question, and stay. Digits of any script count. What each kind is and how
 * it is recognised: docs/privacy.md.
 */
export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  const matching = toMatchingText(text);
  const at = (index: number) => matching.origin?.[index] ?? index;
  let masked = "";
  let done = 0;
  for (const { start, end, kind } of claim(matching.text, options.defaultCountry ?? "US")) {
    masked += `${text.slice(done, at(start))}[${kind}]`;
    done = at(end);
  }
  return masked + text.slice(done);
}
