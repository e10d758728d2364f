import type { CellKind, Sheet } from '../../xlsx';
import { roundToFen } from '../../shared';

/** One line of a key–value sheet: its value written as `kind` (money in fen, dates ISO). */
export interface KeyValue {
  section: string;
  item: string;
  value: string | number | null;
  kind: CellKind;
}

/**
 * A sheet of labelled values, each typed on its own (an amount, a rate, a date, a count), for
 * assumptions and results that are not a table. An amount the valuation holds in fractions of a
 * fen (a fitted cost) is rounded to the fen as the API shows it (`roundToFen`).
 * @example keyValueSheet('Hold or sell', [{ section: 'Hold or sell', item: 'Price', value: 123456, kind: 'money' }])
 */
export function keyValueSheet(name: string, rows: readonly KeyValue[]): Sheet<KeyValue> {
  return {
    name,
    pages: [rows],
    columns: [
      { header: 'Section', kind: 'text', width: 18, value: (row) => row.section },
      { header: 'Item', kind: 'text', width: 44, value: (row) => row.item },
      {
        header: 'Value',
        kind: 'text',
        width: 28,
        value: (row) => ({
          kind: row.kind,
          value:
            row.kind === 'money' && typeof row.value === 'number'
              ? roundToFen(row.value)
              : row.value,
        }),
      },
    ],
  };
}

/** Lines of one section. */
export function section(
  name: string,
  items: readonly [item: string, value: string | number | null, kind: CellKind][],
): KeyValue[] {
  return items.map(([item, value, kind]) => ({ section: name, item, value, kind }));
}
