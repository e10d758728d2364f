import { type Cell, type CellKind, cellStyle } from './cell-kinds';
import { MAX_COLUMNS, MAX_ROWS, columnLetters, rangeRef } from './cell-ref';
import { cellXml } from './cell-xml';
import type { PrintSetup } from './print-setup';
import { continuationName } from './sheet-names';
import { WorkbookSheet, type WorksheetHost } from './workbook-sheet';

/** The header row's style: bold text, for the row as for each of its cells. */
const HEADER_STYLE = cellStyle('text', true);

/** A column of a table sheet; `width` in characters. */
export interface WorkbookColumn {
  header: string;
  kind: CellKind;
  width: number;
}

export interface TableSheetOptions {
  /** Keep the header row in view while scrolling (default true). */
  freezeHeader?: boolean;
  /** A filter on the header over all rows written (default true). */
  autoFilter?: boolean;
  /** Data rows per sheet before the table continues on "Name (2)", header repeated; default and most 1,048,575. */
  maxRowsPerSheet?: number;
  /** How each of the table's sheets prints (paper, orientation, fit, repeated header). */
  print?: PrintSetup;
}

/**
 * A table: a bold header row, then rows of values typed by their column. A table longer than a
 * sheet continues on further sheets, "Loan tape (2)", "Loan tape (3)", each with the header and
 * its own filter.
 */
export class TableSheet extends WorkbookSheet {
  private readonly kinds: CellKind[];
  private readonly letters: string[];
  private readonly styles: number[];
  private readonly headerXml: string;
  private readonly autoFilter: boolean;
  private readonly maxRows: number;
  private part = 0;
  private partRows = 0;

  constructor(
    host: WorksheetHost,
    name: string,
    columns: readonly WorkbookColumn[],
    options: TableSheetOptions,
    after: Promise<void>,
  ) {
    super(
      host,
      name,
      {
        widths: columns.map((column) => column.width),
        freezeHeader: options.freezeHeader ?? true,
        print: options.print,
      },
      after,
    );
    if (columns.length === 0 || columns.length > MAX_COLUMNS)
      throw new RangeError(`sheet "${name}" needs 1 to ${MAX_COLUMNS} columns`);
    this.maxRows = options.maxRowsPerSheet ?? MAX_ROWS - 1;
    if (!Number.isInteger(this.maxRows) || this.maxRows < 1 || this.maxRows > MAX_ROWS - 1)
      throw new RangeError(`maxRowsPerSheet must be 1 to ${MAX_ROWS - 1}, got ${this.maxRows}`);
    this.kinds = columns.map((column) => column.kind);
    this.letters = columns.map((_, index) => columnLetters(index));
    this.styles = columns.map((column) => cellStyle(column.kind, false));
    this.headerXml = columns
      .map((column, index) =>
        cellXml(`${this.letters[index]}1`, 'text', column.header, HEADER_STYLE),
      )
      .join('');
    this.autoFilter = options.autoFilter ?? true;
  }

  /**
   * Adds a row: one value per column, in order (a shorter row leaves the last cells empty); a
   * typed cell (`{ kind, value }`) is written as its own kind instead of its column's.
   * Resolves at once unless the output is behind; await it before the next row.
   * @throws TypeError or RangeError when a value does not fit its column; the row is then not written
   */
  async addRow(values: readonly Cell[]): Promise<void> {
    this.assertOpen();
    if (values.length > this.kinds.length)
      throw new RangeError(
        `sheet "${this.name}" has ${this.kinds.length} columns, got a row of ${values.length}`,
      );
    if (!this.worksheet || this.partRows === this.maxRows) await this.nextPart();
    const worksheet = this.worksheet!;
    const row = worksheet.nextRow;
    let xml = '';
    for (let index = 0; index < values.length; index++) {
      const value = values[index] ?? null;
      xml +=
        typeof value === 'object' && value !== null
          ? cellXml(
              this.letters[index]! + row,
              value.kind,
              value.value,
              cellStyle(value.kind, false),
            )
          : cellXml(this.letters[index]! + row, this.kinds[index]!, value, this.styles[index]!);
    }
    this.partRows += 1;
    return worksheet.addRow(xml);
  }

  protected async closeLast(): Promise<void> {
    if (!this.worksheet) await this.nextPart();
    await this.closePart();
  }

  /** Closes the full part (if any) and opens the next, with the header row. */
  private async nextPart(): Promise<void> {
    if (this.worksheet) {
      await this.closePart();
      const name = continuationName(this.name, this.part + 1);
      this.host.claimSheetName(name);
      this.worksheet = await this.host.openWorksheet(name, this.layout);
    } else {
      await this.openFirst();
    }
    this.part += 1;
    this.partRows = 0;
    await this.worksheet!.addRow(this.headerXml, HEADER_STYLE);
  }

  private closePart(): Promise<void> {
    const filterRange = this.autoFilter
      ? rangeRef(1, this.partRows + 1, this.kinds.length)
      : undefined;
    return this.host.closeWorksheet(this.worksheet!, {
      filterRange,
      merges: [],
      print: this.layout.print,
    });
  }
}
