/**
 * What a cell holds and how Excel shows it: the one cell vocabulary of every workbook the
 * platform writes. `money` takes integer fen and is written as yuan, a real number shown
 * `#,##0.00`; `date` takes an ISO date and is written as an Excel date serial shown `yyyy-mm-dd`;
 * `rate` is a fraction shown as a percentage (0.1234 → 12.34 %); `decimal` any number shown with
 * two decimals (a weighted average), `factor` any number shown with four (a discount factor, a
 * collection multiple); `id` is always text, even when it looks like a number, so Excel never
 * drops leading zeros or rounds 18-digit national ids. Every text cell (`text`, `id`) is guarded
 * against formula injection (`guardedCellText`).
 */
export type CellKind = 'text' | 'id' | 'integer' | 'money' | 'rate' | 'date' | 'decimal' | 'factor';

/** A cell's value: text, a number (fen for money), an ISO date for dates; null for an empty cell. */
export type CellValue = string | number | null;

/** A value with a kind of its own, where it differs from its column's (a key–value sheet's value, a totals row's label). */
export interface TypedCell {
  kind: CellKind;
  value: CellValue;
}

/** What a row gives a cell: a value of its column's kind, or a typed value. */
export type Cell = CellValue | TypedCell;

/**
 * Each kind's number format: built-in ids where Excel has one (49 `@`, 1 `0`, 4 `#,##0.00`,
 * 10 `0.00%`, 2 `0.00`), and custom ids from 164 for the ISO date and the four-decimal number,
 * which have none. New kinds go last: a kind's place fixes its cell style (`cellStyle`).
 */
export const numberFormats: Record<CellKind, { id: number; code: string }> = {
  text: { id: 49, code: '@' },
  id: { id: 49, code: '@' },
  integer: { id: 1, code: '0' },
  money: { id: 4, code: '#,##0.00' },
  rate: { id: 10, code: '0.00%' },
  date: { id: 164, code: 'yyyy-mm-dd' },
  decimal: { id: 2, code: '0.00' },
  factor: { id: 165, code: '0.0000' },
};

export const cellKinds = Object.keys(numberFormats) as CellKind[];

/**
 * The cell style (index into styles.xml's cellXfs) of a kind, regular or bold: style 0 is
 * Excel's default, then each kind twice, regular and bold, in the order of `cellKinds`.
 */
export function cellStyle(kind: CellKind, bold: boolean): number {
  return 1 + cellKinds.indexOf(kind) * 2 + (bold ? 1 : 0);
}
