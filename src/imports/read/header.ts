import type { FieldError } from '../../shared';
import { cellText, type CellParser } from '../cells';
import { parserFor, type ColumnSpec } from '../columns';
import type { Cell } from '../types';

/** A column of the table found in the file: where it is and the header text as written. */
export interface ColumnBinding {
  column: ColumnSpec;
  index: number;
  header: string;
  parse: CellParser<unknown>;
}

/**
 * The form headers are compared in: no byte-order mark, lower case, a trailing unit in brackets
 * dropped ("放款金额（元）" → "放款金额"), runs of spaces and dashes as `_` ("Loan ID" → "loan_id").
 */
function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Finds the table's columns in a header row. Unknown headers are ignored (tapes carry extra
 * columns); a missing required column is an error on row 1 named by its canonical name, and two
 * headers meaning the same column is an error on the second one.
 */
export function bindHeader(
  headerCells: readonly Cell[],
  columns: readonly ColumnSpec[],
  headerRow = 1,
): { bindings: ColumnBinding[]; errors: FieldError[] } {
  const byName = new Map<string, ColumnSpec>();
  for (const column of columns)
    for (const name of [column.name, ...column.aliases]) byName.set(normaliseHeader(name), column);
  const bindings: ColumnBinding[] = [];
  const errors: FieldError[] = [];
  headerCells.forEach((cell, index) => {
    const header = cellText(cell)
      .replace(/^\uFEFF/, '')
      .trim();
    const column = byName.get(normaliseHeader(header));
    if (!column) return;
    const earlier = bindings.find((binding) => binding.column === column);
    if (earlier) {
      errors.push({
        row: headerRow,
        column: header,
        value: header,
        message: `the same column as "${earlier.header}" (${column.name}); keep one of them`,
      });
      return;
    }
    bindings.push({ column, index, header, parse: parserFor(column) });
  });
  for (const column of columns) {
    if (column.required && !bindings.some((binding) => binding.column === column)) {
      errors.push({
        row: headerRow,
        column: column.name,
        message: `required column missing: name it ${[column.name, ...column.aliases].map((name) => `"${name}"`).join(' or ')}`,
      });
    }
  }
  return { bindings, errors };
}
