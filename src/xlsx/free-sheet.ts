import { type TypedCell, cellStyle } from './cell-kinds';
import { columnLetters } from './cell-ref';
import { cellXml } from './cell-xml';
import type { PrintSetup } from './print-setup';
import { WorkbookSheet, type WorksheetHost } from './workbook-sheet';

/** A cell of a free-form sheet: plain text, a typed value, or nothing. */
export type FreeCell = string | TypedCell | null;

export interface FreeRowOptions {
  bold?: boolean;
  /** The first cell spans this many columns, merged (a title across the page). */
  spanColumns?: number;
}

/**
 * A free-form sheet (read-me, summary, bid form): rows of mixed cells, each typed on its own,
 * optionally bold or with a merged first cell. Columns have set widths; there is no header.
 */
export class FreeSheet extends WorkbookSheet {
  private readonly merges: string[] = [];

  constructor(
    host: WorksheetHost,
    name: string,
    widths: readonly number[],
    after: Promise<void>,
    print?: PrintSetup,
  ) {
    super(host, name, { widths, freezeHeader: false, print }, after);
  }

  /** Adds a row; await it before the next. */
  async addRow(cells: readonly FreeCell[], options: FreeRowOptions = {}): Promise<void> {
    this.assertOpen();
    const worksheet = this.worksheet ?? (await this.openFirst());
    const row = worksheet.nextRow;
    const bold = options.bold ?? false;
    const xml = cells.map((cell, index) => {
      const { kind, value } =
        typeof cell === 'string' || cell === null ? { kind: 'text' as const, value: cell } : cell;
      return cellXml(columnLetters(index) + row, kind, value, cellStyle(kind, bold));
    });
    if (options.spanColumns !== undefined && options.spanColumns > 1)
      this.merges.push(`A${row}:${columnLetters(options.spanColumns - 1)}${row}`);
    return worksheet.addRow(xml.join(''));
  }

  protected async closeLast(): Promise<void> {
    const worksheet = this.worksheet ?? (await this.openFirst());
    await this.host.closeWorksheet(worksheet, { merges: this.merges, print: this.layout.print });
  }
}
