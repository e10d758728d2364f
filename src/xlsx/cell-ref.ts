/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;
/** Excel's last row. */
export const MAX_ROWS = 1_048_576;

/**
 * The letters of a 0-based column index, in bijective base 26: 0 → A, 25 → Z, 26 → AA, 16,383 → XFD.
 * @throws RangeError past Excel's 16,384 columns
 */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS)
    throw new RangeError(`no Excel column ${index}`);
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** `A1:Y1001`: the range from the top-left cell to `rows` rows down and `columns` columns across. */
export function rangeRef(firstRow: number, rows: number, columns: number): string {
  return `A${firstRow}:${columnLetters(columns - 1)}${firstRow + rows - 1}`;
}

/** `'Loan tape'!$A$1:$Y$1001`: a range in absolute form, on a named sheet (quotes doubled). */
export function absoluteSheetRange(sheetName: string, range: string): string {
  return `'${sheetName.replaceAll("'", "''")}'!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
}
