import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { dayNumber, type IsoDate } from '../shared';

/**
 * How a column is written: `money` takes fen and writes yuan as a real number with two decimals,
 * `date` takes an ISO date and writes a real Excel date, `ratio` a number shown as a percentage,
 * `decimal` a number with four decimals (a discount factor, a multiple).
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'ratio';

// Methods, not function properties: a sheet of any row type is then a `Sheet<unknown>`, so sheets of different rows go in one workbook.
export interface SheetColumn<Row> {
  header: string;
  kind: ColumnKind;
  width: number;
  value(row: Row): string | number | null;
  /** The kind of this row's cell where it differs from the column's (a key–value sheet, a totals row). */
  kindOf?(row: Row): ColumnKind;
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

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const numberFormats: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  decimal: '0.0000',
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
 * Writes a workbook with exceljs' streaming writer, a worksheet per sheet, committing each row: a
 * frozen, bold header row, set widths, and typed cells (numbers and dates, never numbers as text).
 * Returns the file and its SHA-256, which the download's audit event records.
 */
export async function writeWorkbook(
  sheets: Sheet<unknown> | readonly Sheet<unknown>[],
): Promise<Workbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    hash.update(chunk);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  let rows = 0;
  for (const sheet of Array.isArray(sheets) ? sheets : [sheets])
    rows += writeSheet(workbook, sheet);
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await workbook.commit();
  await ended;
  return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex'), rows };
}

/** Writes one worksheet and commits it. @returns its rows under the header */
function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet<unknown>): number {
  let rows = 0;
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: { numFmt: numberFormats[column.kind] },
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const page of sheet.pages) {
    for (const row of page) {
      const kinds = sheet.columns.map((column) => column.kindOf?.(row) ?? column.kind);
      const added = worksheet.addRow(
        sheet.columns.map((column, i) => cellValue(kinds[i]!, column.value(row))),
      );
      sheet.columns.forEach((column, i) => {
        if (column.kindOf) added.getCell(i + 1).numFmt = numberFormats[kinds[i]!];
      });
      added.commit();
      rows += 1;
    }
  }
  worksheet.commit();
  return rows;
}
