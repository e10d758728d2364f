import { CsvParser } from './csv-parser';
import type { SourceRow } from '../types';

/** The records of CSV text as numbered rows (header = row 1), one batch per text chunk. */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow[]> {
  const parser = new CsvParser();
  let row = 0;
  const numbered = (records: string[][]) => records.map((cells) => ({ row: ++row, cells }));
  for await (const chunk of text) {
    const records = parser.push(chunk);
    if (records.length > 0) yield numbered(records);
  }
  const last = parser.end();
  if (last.length > 0) yield numbered(last);
}
