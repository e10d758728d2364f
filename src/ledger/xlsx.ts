import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { dayNumber, type IsoDate } from '../shared/dates';

/**
 * How a column is written: `money` takes fen and writes yuan as a real number with two decimals,
 * `date` takes an ISO date and writes a real Excel date, `ratio` a number shown as a percentage.
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'date' | 'ratio';

export interface SheetColumn<Row> {
  header: string;
  kind: ColumnKind;
  width: number;
  value: (row: Row) => string | number | null;
}

export interface Sheet<Row> {
  name: string;
  columns: readonly SheetColumn<Row>[];
  /** Pages of rows: each page is read whole before its rows are written. */
  pages: Iterable<readonly Row[]>;
}

export interface Workbook {
  bytes: Buffer;
  sha256: string;
  rows: number;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const numberFormats: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  ratio: '0.00%',
};

const MS_PER_DAY = 86_400_000;

function cellValue(kind: ColumnKind, value: string | number | null): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'money') return Number(value) / 100;
  // A UTC midnight: exceljs turns it into the date serial without any local time zone.
  if (kind === 'date') return new Date(dayNumber(value as IsoDate) * MS_PER_DAY);
  return value;
}

/**
 * Writes a one-sheet workbook with exceljs' streaming writer, committing each row: a frozen, bold
 * header row, set widths, and typed cells (numbers and dates, never numbers as text). Returns the
 * file and its SHA-256, which the download's audit event records.
 */
export async function writeWorkbook<Row>(sheet: Sheet<Row>): Promise<Workbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    hash.update(chunk);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  let rows = 0;
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width, style: { numFmt: numberFormats[column.kind] } }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const page of sheet.pages) {
    for (const row of page) {
      worksheet.addRow(sheet.columns.map((column) => cellValue(column.kind, column.value(row)))).commit();
      rows += 1;
    }
  }
  worksheet.commit();
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await workbook.commit();
  await ended;
  return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex'), rows };
}
