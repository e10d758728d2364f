import { CsvSyntaxError } from '../read';
import { csvRows } from '../read';
import { DecodeError, decodeText } from '../read';
import { RowConverter, isBlankRow } from '../read';
import type { ErrorLog } from '../error-log';
import { bindHeader, importColumnsOf, type ColumnBinding, type HeaderOptions } from '../read';
import type { StagingTable } from './staging';
import type { TableSpec } from '../table-spec';
import type { ImportColumns, ImportRequest, SourceRow } from '../types';
import { WorkbookError, xlsxRows } from '../read';

/** What reading the file found: its data rows, its columns if the header was good, and the columns it read. */
export interface StagedRows {
  rowCount: number;
  bindings?: ColumnBinding[];
  columns: ImportColumns;
}

/**
 * The file's rows, by its format. A workbook is spooled to `spoolPath()` (a new file in the
 * platform's scratch folder) while it is read, and removed when reading ends; `maxRecordChars`
 * bounds a CSV record (config `importRecordLimitChars`).
 */
export function readRows(
  bytes: AsyncIterable<Uint8Array>,
  request: Pick<ImportRequest, 'format' | 'encoding'>,
  spoolPath: () => string,
  maxRecordChars?: number,
): AsyncIterable<SourceRow[]> {
  return request.format === 'csv'
    ? csvRows(decodeText(bytes, request.encoding), { maxRecordChars })
    : xlsxRows(bytes, { spoolPath: spoolPath() });
}

/** Reads one file's rows in order: the first non-blank row is the header, the rest are checked. */
class RowStager<R extends object> {
  rowCount = 0;
  /** 0 until the header row is found. */
  headerRow = 0;
  headerFailed = false;
  bindings?: ColumnBinding[];
  columns: ImportColumns = { mapped: [], ignored: [] };
  private converter?: RowConverter<R>;

  constructor(
    private readonly spec: TableSpec<R>,
    private readonly log: ErrorLog,
    private readonly headerOptions: HeaderOptions,
  ) {}

  /** Checks a batch of rows and returns the staging rows of the good ones; stops at a bad header. */
  stage(batch: readonly SourceRow[]): unknown[][] {
    const staged: unknown[][] = [];
    for (const sourceRow of batch) {
      if (isBlankRow(sourceRow.cells)) continue;
      if (this.converter) {
        this.rowCount++;
        const record = this.converter.convert(sourceRow);
        if (record) staged.push(this.spec.stagingRow(record, sourceRow.row));
      } else if (!this.readHeader(sourceRow)) {
        break;
      }
    }
    return staged;
  }

  private readHeader({ row, cells }: SourceRow): boolean {
    this.headerRow = row;
    const header = bindHeader(cells, this.spec.columns, { ...this.headerOptions, headerRow: row });
    for (const error of header.errors) this.log.add(error);
    this.columns = importColumnsOf(header);
    this.headerFailed = header.errors.length > 0;
    if (this.headerFailed) return false;
    this.bindings = header.bindings;
    this.converter = new RowConverter(this.spec, header, this.log);
    return true;
  }
}

/**
 * Phase 1 of an import: reads the file as it streams in, checks every row, and appends the good
 * ones to the staging table, batch by batch; every problem goes to the log. A
 * file that is not readable as text, CSV or a workbook is one file error, and reading stops there,
 * as it does at a bad header.
 */
export async function stageRows<R extends object>(
  rows: AsyncIterable<SourceRow[]>,
  spec: TableSpec<R>,
  staging: StagingTable,
  log: ErrorLog,
  headerOptions: HeaderOptions,
): Promise<StagedRows> {
  const stager = new RowStager(spec, log, headerOptions);
  try {
    for await (const batch of rows) {
      await staging.append(stager.stage(batch));
      if (stager.headerFailed) return { rowCount: 0, columns: stager.columns };
    }
  } catch (error) {
    if (!(
      error instanceof DecodeError ||
      error instanceof CsvSyntaxError ||
      error instanceof WorkbookError
    ))
      throw error;
    const at: { row?: number; column?: string } = error instanceof WorkbookError ? {} : error;
    log.add({
      ...(at.row !== undefined ? { row: at.row } : {}),
      ...(at.column !== undefined ? { column: at.column } : {}),
      message: error.message,
    });
    return { rowCount: stager.rowCount, columns: stager.columns };
  }
  if (stager.headerRow === 0)
    log.add({ message: 'the file is empty: it has no header row and no data' });
  else if (stager.rowCount === 0)
    log.add({ row: stager.headerRow, message: 'the file has a header row but no data rows' });
  return {
    rowCount: stager.rowCount,
    columns: stager.columns,
    ...(stager.bindings ? { bindings: stager.bindings } : {}),
  };
}
