/**
 * What a cell holds and how Excel shows it. `money` takes integer fen and is written as yuan, a
 * real number shown `#,##0.00`; `date` takes an ISO date and is written as an Excel date serial
 * shown `yyyy-mm-dd`; `rate` is a fraction shown as a percentage (0.1234 → 12.34 %), `decimal` any number shown with two decimals (a weighted average); `id` is
 * always text, even when it looks like a number, so Excel never drops leading zeros or rounds
 * 18-digit national ids.
 */
export type CellKind = 'text' | 'id' | 'integer' | 'money' | 'rate' | 'date' | 'decimal';

/** A cell's value: text, a number (fen for money), an ISO date for dates; null for an empty cell. */
export type CellValue = string | number | null;

/**
 * Each kind's number format: built-in ids where Excel has one (49 `@`, 1 `0`, 4 `#,##0.00`,
 * 10 `0.00%`), and custom id 164 for the ISO date, which has no built-in id.
 */
export const numberFormats: Record<CellKind, { id: number; code: string }> = {
  text: { id: 49, code: '@' },
  id: { id: 49, code: '@' },
  integer: { id: 1, code: '0' },
  money: { id: 4, code: '#,##0.00' },
  rate: { id: 10, code: '0.00%' },
  date: { id: 164, code: 'yyyy-mm-dd' },
  decimal: { id: 2, code: '0.00' },
};

export const cellKinds = Object.keys(numberFormats) as CellKind[];

/**
 * The cell style (index into styles.xml's cellXfs) of a kind, regular or bold: style 0 is
 * Excel's default, then each kind twice, regular and bold, in the order of `cellKinds`.
 */
export function cellStyle(kind: CellKind, bold: boolean): number {
  return 1 + cellKinds.indexOf(kind) * 2 + (bold ? 1 : 0);
}
