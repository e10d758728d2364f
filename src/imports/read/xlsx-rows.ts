import { open, rm } from 'node:fs/promises';
import type { SourceRow } from '../types';
import {
  defaultSharedStringLimits,
  readSharedStrings,
  SHARED_STRINGS_PART_BYTES,
  SharedStrings,
  type SharedStringLimits,
} from './shared-strings';
import { SheetReader } from './sheet-reader';
import { readPackage } from './xlsx-package';
import { readDateStyles } from './xlsx-styles';
import { parseXml } from './xml-stream';
import { ZipFile } from './zip';

export { WorkbookError } from './workbook-error';

/** Rows handed on at once; fewer when they are wide (see MAX_CELLS_PER_BATCH). */
const ROWS_PER_BATCH = 1000;
/** Cells handed on at once, so a batch of very wide rows stays small too. */
const MAX_CELLS_PER_BATCH = 100_000;

/**
 * A tape's sheet XML compresses about 7 to 1 (cell references and values change every cell);
 * past 500 to 1 it is a run of empty cells or rows made to cost parsing time: a bomb.
 */
const SHEET_MAX_RATIO = 500;

/** The bounds the reader holds a workbook to; tests lower them. */
export interface XlsxLimits {
  /** Most the worksheet part may inflate to: it streams, so this bounds time, not memory. */
  sheetBytes: number;
  sharedStringsPartBytes: number;
  sharedStrings: SharedStringLimits;
  cellChars: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  // A 1,000,000-row tape of 36 columns is about 1.5 GB of sheet XML.
  sheetBytes: 4 * 1024 ** 3,
  sharedStringsPartBytes: SHARED_STRINGS_PART_BYTES,
  sharedStrings: defaultSharedStringLimits,
  cellChars: 32_767,
};

/** Where the reader may write the uploaded file while it reads it, and its bounds. */
export interface XlsxReadOptions {
  /** A path in the platform's scratch folder for the upload: a zip is read from its end. */
  spoolPath: string;
  limits?: XlsxLimits;
}

/**
 * The rows of the first worksheet of an .xlsx workbook as numbered rows of cells; the row number
 * is the sheet's own, so empty rows leave gaps. The upload is written to `spoolPath` (a zip's
 * directory is at its end, and writers put the sheet before or after the strings it uses) and
 * read from there part by part: the shared strings into a bounded table, then the sheet as a
 * stream. Every part's inflated size is counted against a limit, as is each cell's length. The
 * file is removed however reading ends: done, refused, failed, or abandoned by the caller.
 * Cells are what the workbook stores: text, numbers, booleans, a Date for a number shown as a
 * date, an error code (`#N/A`), and a `Formula` for any cell with a formula (`<f>`), whatever
 * its cached value, so the cell checks can refuse it.
 * @throws WorkbookError when the file is not a readable workbook or breaks a bound
 */
export async function* xlsxRows(
  bytes: AsyncIterable<Uint8Array>,
  options: XlsxReadOptions,
): AsyncGenerator<SourceRow[]> {
  const limits = options.limits ?? defaultXlsxLimits;
  let zip: ZipFile | undefined;
  try {
    await spool(bytes, options.spoolPath);
    zip = await ZipFile.open(options.spoolPath);
    yield* sheetRows(zip, limits);
  } finally {
    await zip?.close();
    await rm(options.spoolPath, { force: true });
  }
}

/** Writes the body to `path` as it arrives (backpressure: one chunk at a time). */
async function spool(bytes: AsyncIterable<Uint8Array>, path: string): Promise<void> {
  const file = await open(path, 'wx', 0o600);
  try {
    for await (const chunk of bytes) await file.write(chunk);
  } finally {
    await file.close();
  }
}

async function* sheetRows(zip: ZipFile, limits: XlsxLimits): AsyncGenerator<SourceRow[]> {
  const workbook = await readPackage(zip);
  const dateStyles = workbook.stylesPart ? await readDateStyles(zip, workbook.stylesPart) : [];
  const strings = workbook.sharedStringsPart
    ? await readSharedStrings(
        zip,
        workbook.sharedStringsPart,
        limits.sharedStrings,
        limits.sharedStringsPartBytes,
        limits.cellChars,
      )
    : new SharedStrings(limits.sharedStrings);
  const sheet = new SheetReader(workbook.sheetPart, strings, dateStyles, workbook.date1904, limits);
  for await (const parsed of parseXml(
    workbook.sheetPart,
    zip.inflate(workbook.sheetPart, limits.sheetBytes, SHEET_MAX_RATIO),
    sheet,
  )) {
    void parsed;
    if (sheet.rows.length >= ROWS_PER_BATCH || sheet.cellsInBatch >= MAX_CELLS_PER_BATCH)
      yield sheet.takeRows();
  }
  if (sheet.rows.length > 0) yield sheet.takeRows();
}
