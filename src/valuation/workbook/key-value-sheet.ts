import type { ColumnKind, Sheet } from '../../ledger';

/** One line of a key–value sheet: its value written as `kind` (money in fen, dates ISO). */
export interface KeyValue {
  section: string;
  item: string;
  value: string | number | null;
  kind: ColumnKind;
}

/**
 * A sheet of labelled values, each typed on its own (an amount, a rate, a date, a count), for
 * assumptions and results that are not a table.
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
        value: (row) => row.value,
        kindOf: (row) => row.kind,
      },
    ],
  };
}

/** Lines of one section. */
export function section(
  name: string,
  items: readonly [item: string, value: string | number | null, kind: ColumnKind][],
): KeyValue[] {
  return items.map(([item, value, kind]) => ({ section: name, item, value, kind }));
}
