import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Formula, type Cell, type SourceRow } from '../types';

const ROWS_PER_BATCH = 1000;

/** The workbook is not a readable .xlsx file. */
export class WorkbookError extends Error {}

/**
 * The rows of the first worksheet of an .xlsx workbook, read as a stream (exceljs' streaming
 * reader), as numbered rows of cells; the row number is the sheet's own, so empty rows leave gaps.
 */
export async function* xlsxRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SourceRow[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date-formatted numbers come back as Dates
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let batch: SourceRow[] = [];
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let column = 1; column < values.length; column++) cells.push(toCell(values[column]));
        batch.push({ row: row.number, cells });
        if (batch.length >= ROWS_PER_BATCH) {
          yield batch;
          batch = [];
        }
      }
      break; // only the first worksheet is the tape
    }
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(
      `the file is not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (batch.length > 0) yield batch;
}

/** An exceljs cell value as a Cell: rich text and hyperlinks as their text, formulas as Formula, errors as their code (#N/A). */
function toCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  const object = value as {
    formula?: string;
    sharedFormula?: string;
    richText?: { text: string }[];
    text?: unknown;
    error?: string;
  };
  if (object.formula !== undefined || object.sharedFormula !== undefined)
    return new Formula(object.formula ?? object.sharedFormula ?? '');
  if (object.richText) return object.richText.map((part) => part.text).join('');
  if (object.text !== undefined) return toCell(object.text);
  if (object.error !== undefined) return object.error;
  return String(value);
}
