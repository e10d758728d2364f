import { setImmediate as nextTurn } from 'node:timers/promises';
import { isBlankRow } from './convert';
import { CsvParser, CsvSyntaxError, type CsvParserOptions } from './csv-parser';
import { DecodeError } from './decode';
import type { SourceRow } from '../types';

/**
 * The longest the reading runs (parsing, and checking the rows it yields) before it lets the event
 * loop turn: other requests wait at most about this long (a chunk's rows take a few ms).
 */
const TIME_SLICE_MS = 10;

/**
 * The records of CSV text as numbered rows (header = row 1), one batch per text chunk. A decoding
 * or syntax error comes out placed in the table: the row, and the column by its header (the first
 * non-blank record) or its number.
 */
export async function* csvRows(
  text: AsyncIterable<string>,
  options: CsvParserOptions = {},
): AsyncGenerator<SourceRow[]> {
  const parser = new CsvParser(options);
  let header: string[] | undefined;
  let row = 0;
  const numbered = (records: string[][]) =>
    records.map((cells) => {
      if (!header && !isBlankRow(cells)) header = cells;
      return { row: ++row, cells };
    });
  const columnName = (fieldIndex: number) =>
    header?.[fieldIndex]?.replace(/^\uFEFF/, '').trim() || `column ${fieldIndex + 1}`;
  let sliceStart = performance.now();
  try {
    for await (const chunk of text) {
      const records = parser.push(chunk);
      if (records.length > 0) yield numbered(records);
      if (performance.now() - sliceStart > TIME_SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    const last = parser.end();
    if (last.length > 0) yield numbered(last);
  } catch (error) {
    if (error instanceof DecodeError) {
      const at = parser.position();
      throw error.at(at.row, columnName(at.fieldIndex));
    }
    if (error instanceof CsvSyntaxError && error.fieldIndex !== undefined && !error.column)
      throw error.in(columnName(error.fieldIndex));
    throw error;
  }
}
