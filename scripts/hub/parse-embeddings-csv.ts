/**
 * Reads embeddings.csv in the tutorial's layout: a header of column names
 * (pandas writes 0..dim-1), then one row of numbers per FAQ. Every row must
 * have as many finite numbers as the header has columns.
 */
export function parseEmbeddingsCsv(text: string, file = "embeddings.csv"): { dim: number; rows: Float32Array[] } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  if (lines.length === 0) throw new Error(`${file} is empty`);
  const header = lines[0]!.split(",");
  if (header.every((cell) => cell.trim() !== "" && Number.isFinite(Number(cell))) && !header.every((cell, i) => Number(cell) === i)) {
    throw new Error(`${file} line 1: expected a header of column names (0,1,2,...), found numbers`);
  }
  const dim = header.length;
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== dim) throw new Error(`${file} line ${i + 2}: ${cells.length} values, expected ${dim} like the header`);
    const row = new Float32Array(dim);
    for (let j = 0; j < dim; j++) {
      const value = cells[j]!.trim() === "" ? Number.NaN : Number(cells[j]);
      if (!Number.isFinite(value)) throw new Error(`${file} line ${i + 2}, column ${j}: "${cells[j]}" is not a number`);
      row[j] = value;
    }
    return row;
  });
  if (rows.length === 0) throw new Error(`${file} has a header but no rows`);
  return { dim, rows };
}
