/**
 * Unit vectors stored as float32, in the order the SIMD kernel reads them.
 *
 * The first `blockedRows` rows are kept in blocks of four: a block holds the
 * four rows' values 0-3, then their values 4-7, and so on. One load of four
 * query values then serves four rows, and the kernel still reads memory as a
 * single forward stream; row by row, half of its loads went to the query.
 * The rows after the last whole block, and every row of an index whose
 * dimension is not a multiple of four (or of a format-4 blob, which predates
 * blocks), follow one after another.
 */
export interface F32Matrix {
  values: Float32Array;
  dim: number;
  count: number;
  /** How many leading rows are in blocks of ROW_BLOCK: a multiple of it, 0 for plain rows. */
  blockedRows: number;
}

export const ROW_BLOCK = 4;

/** The rows a new index keeps in blocks: every whole block, when the dimension allows it. */
export const blockedRowsFor = (count: number, dim: number) => (dim % ROW_BLOCK === 0 ? count - (count % ROW_BLOCK) : 0);

/** Where value `j` of `row` lies in `values`. */
export function offsetOf(matrix: F32Matrix, row: number, j: number): number {
  const { dim, blockedRows } = matrix;
  if (row >= blockedRows) return (row * dim) + j;
  const blockStart = (row - (row % ROW_BLOCK)) * dim;
  return blockStart + (j - (j % 4)) * ROW_BLOCK + (row % ROW_BLOCK) * 4 + (j % 4);
}

/** Writes `rows` (each `dim` long) into `values` in the layout above. */
export function layOutRows(rows: ArrayLike<number>[], dim: number, values: Float32Array, blockedRows: number): void {
  const matrix: F32Matrix = { values, dim, count: rows.length, blockedRows };
  rows.forEach((row, r) => {
    if (r >= blockedRows) {
      values.set(row, r * dim);
      return;
    }
    for (let j = 0; j < dim; j++) values[offsetOf(matrix, r, j)] = row[j]!;
  });
}

/** A copy of one row's values, in order. */
export function rowOf(matrix: F32Matrix, row: number): Float32Array {
  if (row >= matrix.blockedRows) return matrix.values.slice(row * matrix.dim, (row + 1) * matrix.dim);
  return Float32Array.from({ length: matrix.dim }, (_, j) => matrix.values[offsetOf(matrix, row, j)]!);
}
