/**
 * One CSV cell (RFC 4180 quoting). Visitors wrote these questions, so a cell
 * that a spreadsheet would read as a formula (=, +, -, @, tab, carriage
 * return first) is prefixed with an apostrophe and stays text.
 */
function cell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one row per record, CRLF line ends. */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
