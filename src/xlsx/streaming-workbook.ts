import type { Writable } from 'node:stream';
import { ByteSink, type WrittenFile } from './byte-sink';
import { appXml, coreXml, customXml, type DocumentProperties } from './document-properties';
import { FreeSheet } from './free-sheet';
import type { PrintSetup } from './print-setup';
import { worksheetPart, type PartName } from './ooxml';
import {
  contentTypesXml,
  packageRelationshipsXml,
  workbookRelationshipsXml,
  workbookXml,
  type SheetListing,
} from './package-parts';
import { SheetNames } from './sheet-names';
import { stylesXml } from './styles-part';
import { TableSheet, type TableSheetOptions, type WorkbookColumn } from './table-sheet';
import type { WorkbookSheet, WorksheetHost } from './workbook-sheet';
import { WorksheetStream } from './worksheet-stream';
import {
  worksheetHead,
  worksheetTail,
  type WorksheetEnding,
  type WorksheetLayout,
} from './worksheet-xml';
import { ZipWriter } from './zip-writer';

/**
 * The streaming .xlsx writer of every workbook the platform writes (data room, transfer package,
 * ledger reports, valuation workbook, collection effectiveness): memory stays flat however many
 * rows go through.
 *
 * Why not exceljs' `stream.xlsx.WorkbookWriter` (exceljs 4.4.0, archiver 5.3.2): it is not the
 * writer that holds the rows, it is a PassThrough nobody waits on. Each worksheet is an exceljs
 * StreamBuf in batch mode (lib/stream/xlsx/workbook-writer.js:68-69) appended to archiver.
 * StreamBuf never calls the Duplex constructor, so it has no `_readableState`, and archiver-utils
 * wraps it: `source.pipe(new PassThrough())` (archiver-utils/index.js:83-93). StreamBuf's `pipe`
 * only records the destination (lib/utils/stream-buf.js:344), and `write` hands each full 64 KB
 * buffer on with `this._pipe(...)` without awaiting it (:247), `_pipe` ignores what
 * `PassThrough.write` returns (:205), and `write` always returns true (:265). Row commits are
 * synchronous (worksheet-writer.js:613), so nothing can ever push back: every chunk of the sheet's
 * XML waits in that PassThrough's write buffer until deflate gets to it. Measured with 25 columns:
 * the PassThrough held 1,091 MB at its peak for 1M rows (1.19 GB RSS), ~1.1 KB a row. Yielding
 * to the event loop does not help: the queue grows faster than zlib drains it.
 *
 * Fixed from our side by awaiting 'drain' on that PassThrough (`worksheet.stream.pipes[0]`) after
 * each commit: it then held at most 1 MB and RSS stayed at 124–134 MB. The zip level is not the
 * cause (archiver already defaults to level 1). Time stayed exceljs' own row building: 68 s for
 * 1M rows of a 25-column tape (a simpler probe: 54 s at level 1, 65 s at level 6). That meets the
 * 90 s target with a thin margin on a shared machine and reaches into two libraries' private
 * fields; this writer takes a median 21.5 s and peaks at about 250 MB (of which about 155 MB is
 * the tsx process before the first row) for 1M rows of the same shape (bench/data-room.ts), with
 * inline strings, typed cells and nothing retained per row.
 *
 * Shape: sheets are written one after another, each streamed through the zip as it is built; the
 * workbook, relationships, styles and properties parts, which need the final list of sheets and
 * their filter ranges, go in at `finish()`. On a failure the caller destroys `output`.
 */

export interface StreamingWorkbookOptions {
  /** zlib level, 1 (fastest, default) to 9 (smallest). */
  compressionLevel?: number;
  properties?: DocumentProperties;
  /** The file's creation time, an ISO instant (default now). */
  createdAt?: string;
}

export interface FreeSheetOptions {
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
  /** How the sheet prints (paper, orientation, fit, repeated rows); absent = the reader's defaults. */
  print?: PrintSetup;
}

export class StreamingWorkbook implements WorksheetHost {
  private readonly sink: ByteSink;
  private readonly zip: ZipWriter;
  private readonly names = new SheetNames();
  private readonly listings: SheetListing[] = [];
  private readonly createdAt: string;
  private opened = 0;
  private last: WorkbookSheet | undefined;

  constructor(
    output: Writable,
    private readonly options: StreamingWorkbookOptions = {},
  ) {
    this.createdAt = options.createdAt ?? new Date().toISOString();
    this.sink = new ByteSink(output);
    this.zip = new ZipWriter(this.sink, {
      compressionLevel: options.compressionLevel ?? 1,
      modifiedAt: new Date(this.createdAt),
    });
  }

  /** A table sheet: header row, typed columns, overflow onto "Name (2)" past `maxRowsPerSheet`. */
  addSheet(
    name: string,
    columns: readonly WorkbookColumn[],
    options: TableSheetOptions = {},
  ): TableSheet {
    return this.track(new TableSheet(this, name, columns, options, this.nextTurn(name)));
  }

  /** A free-form sheet of mixed rows (read-me, summary, bid form). */
  addFreeSheet(name: string, options: FreeSheetOptions = {}): FreeSheet {
    return this.track(
      new FreeSheet(this, name, options.widths ?? [], this.nextTurn(name), options.print),
    );
  }

  /**
   * Writes the remaining parts and ends `output`; returns the file's size and SHA-256.
   * `beforeEnd` is given them after the last byte and before `output` ends (`ByteSink.end`).
   */
  async finish(beforeEnd?: (file: WrittenFile) => unknown): Promise<WrittenFile> {
    await this.nextTurn(undefined);
    if (this.listings.length === 0) throw new Error('a workbook needs at least one sheet');
    const custom = this.options.properties?.custom;
    const packageParts: PartName[] = [
      'workbook',
      'styles',
      'core',
      'app',
      ...(custom && Object.keys(custom).length > 0 ? (['custom'] as const) : []),
    ];
    const properties = this.options.properties ?? { title: '', author: '' };
    await this.zip.addFile('xl/workbook.xml', workbookXml(this.listings));
    await this.zip.addFile(
      'xl/_rels/workbook.xml.rels',
      workbookRelationshipsXml(this.listings.length),
    );
    await this.zip.addFile('xl/styles.xml', stylesXml());
    await this.zip.addFile('docProps/core.xml', coreXml(properties, this.createdAt));
    await this.zip.addFile('docProps/app.xml', appXml());
    if (packageParts.includes('custom'))
      await this.zip.addFile('docProps/custom.xml', customXml(custom ?? {}));
    await this.zip.addFile('_rels/.rels', packageRelationshipsXml(packageParts));
    await this.zip.addFile(
      '[Content_Types].xml',
      contentTypesXml(packageParts, this.listings.length),
    );
    await this.zip.finish();
    return this.sink.end(beforeEnd);
  }

  claimSheetName(name: string): void {
    this.names.claim(name);
  }

  async openWorksheet(name: string, layout: WorksheetLayout): Promise<WorksheetStream> {
    this.opened += 1;
    return new WorksheetStream(
      name,
      await this.zip.openEntry(worksheetPart(this.opened).path),
      worksheetHead(layout),
    );
  }

  async closeWorksheet(worksheet: WorksheetStream, ending: WorksheetEnding): Promise<void> {
    await worksheet.close(worksheetTail(ending));
    this.listings.push({
      name: worksheet.name,
      filterRange: ending.filterRange,
      printTitleRows: ending.print?.repeatRows,
    });
  }

  /**
   * The previous sheet's ending, which the next sheet (or `finish`, when `name` is undefined)
   * waits for; the previous sheet must have been ended.
   */
  private nextTurn(name: string | undefined): Promise<void> {
    if (this.last && !this.last.ending)
      throw new Error(
        `end sheet "${this.last.name}" before ${name === undefined ? 'finishing the workbook' : `adding "${name}"`}`,
      );
    return this.last?.ending ?? Promise.resolve();
  }

  /** A new sheet, once it is valid, takes its name and becomes the last. */
  private track<Sheet extends WorkbookSheet>(sheet: Sheet): Sheet {
    this.claimSheetName(sheet.name);
    this.last = sheet;
    return sheet;
  }
}

/** A workbook streamed to `output` (a file or an HTTP response). */
export function createStreamingWorkbook(
  output: Writable,
  options: StreamingWorkbookOptions = {},
): StreamingWorkbook {
  return new StreamingWorkbook(output, options);
}
