/** One CSV row with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line
 * breaks. Throws `{ line, problem }` for an unterminated quote or stray text
 * after a closing quote.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1; // spreadsheet exports often start with a BOM

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === "") {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw { line: quoteLine, problem: "unterminated quoted field" };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (c === "\n") line++;
        cell += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        throw { line, problem: "unexpected text after a closing quote" };
      }
      continue;
    }
    if (ch === ",") { cells.push(cell); cell = ""; i++; continue; }
    if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
