/** Reading the JSON parts of an index blob, for the decoder and its sections. */

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The value UTF-8 JSON `bytes` hold, or undefined when they are not valid UTF-8 or not JSON (JSON has no undefined). */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
}

export const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
