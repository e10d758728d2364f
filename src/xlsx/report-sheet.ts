import type { Cell, CellKind } from './cell-kinds';
import type { PrintSetup } from './print-setup';
import type { StreamingWorkbook } from './streaming-workbook';

// Methods, not function properties: a sheet of any row type is then a `Sheet<unknown>`, so sheets of different rows go in one workbook.

/** A column of a report sheet: its header, kind and width, and the cell it takes from a row. */
export interface SheetColumn<Row> {
  header: string;
  kind: CellKind;
  width: number;
  /** The row's cell: a value of the column's kind, or a typed cell where the row differs (a key–value sheet, a totals row). */
  value(row: Row): Cell;
}

/**
 * A report as a table to write: the ledger's reports, the valuation workbook's sheets, collection
 * effectiveness. Money columns take fen and are written as yuan with two decimals.
 */
export interface Sheet<Row> {
  name: string;
  columns: readonly SheetColumn<Row>[];
  /** Pages of rows, read one at a time as the sheet is written (a page of a large journal). */
  pages: Iterable<readonly Row[]>;
  /** How the sheet prints; absent = the reader's defaults. */
  print?: PrintSetup;
}

/**
 * Writes a report sheet into `book`: a frozen, bold header row, set widths, typed cells, no filter.
 * @returns its rows under the header
 */
export async function writeSheet(book: StreamingWorkbook, sheet: Sheet<unknown>): Promise<number> {
  const table = book.addSheet(sheet.name, sheet.columns, {
    freezeHeader: true,
    autoFilter: false,
    print: sheet.print,
  });
  let rows = 0;
  for (const page of sheet.pages) {
    for (const row of page) {
      const cells = sheet.columns.map((column) => column.value(row));
      try {
        await table.addRow(cells);
      } catch (error) {
        throw new Error(`sheet "${sheet.name}", row ${rows + 1}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      rows += 1;
    }
  }
  await table.end();
  return rows;
}
