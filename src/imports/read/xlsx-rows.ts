import { open, rm } from 'node:fs/promises';
import { Formula, type Cell, type SourceRow } from '../types';
import { SharedStrings, type SharedStringLimits } from './shared-strings';
import { WorkbookError } from './workbook-error';
import {
  defaultSharedStringLimits,
  readDateStyles,
  readPackage,
  readSharedStrings,
  SHARED_STRINGS_PART_BYTES,
  unescapeXstring,
} from './xlsx-package';
import { parseXml } from './xml-stream';
import { ZipFile } from './zip';

export { WorkbookError } from './workbook-error';

/** Rows handed on at once; fewer when they are wide (see MAX_CELLS_PER_BATCH). */
const ROWS_PER_BATCH = 1000;
/** Cells handed on at once, so a batch of very wide rows stays small too. */
const MAX_CELLS_PER_BATCH = 100_000;
/** Excel's own bounds: 1,048,576 rows, 16,384 columns (XFD), 32,767 characters a cell. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

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

/** `BC12` → column 54 (0-based 54), row 12; undefined when not a cell reference. */
function parseReference(reference: string): { column: number; row: number } | undefined {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
    if (column > MAX_COLUMN) return undefined;
  }
  const row = Number(reference.slice(at));
  if (at === 0 || !Number.isInteger(row)) return undefined;
  return { column: column - 1, row };
}

/** Excel serial day (with a fraction for the time) → Date, as exceljs converted it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The worksheet's `<sheetData>` as rows: follows `<row>`, `<c>` (its type `t` and style `s`),
 * `<v>`, `<f>` and inline strings `<is>`, keeping only the current row and the batch.
 */
class SheetReader {
  rows: SourceRow[] = [];
  cellsInBatch = 0;
  private rowNumber = 0;
  private cells: Cell[] = [];
  private column = -1;
  private cellReference = '';
  private cellType = '';
  private cellStyle = 0;
  private value = '';
  private formula: string | undefined;
  private sharedFormulaIndex: string | undefined;
  private readonly sharedFormulas = new Map<string, string>();
  private collecting: 'v' | 'f' | 't' | undefined;
  private inInlineString = false;
  private phonetic = 0;

  constructor(
    private readonly part: string,
    private readonly strings: SharedStrings,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly limits: XlsxLimits,
  ) {}

  takeRows(): SourceRow[] {
    const rows = this.rows;
    this.rows = [];
    this.cellsInBatch = 0;
    return rows;
  }

  open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'row': {
        const declared = attributes.r === undefined ? this.rowNumber + 1 : Number(attributes.r);
        if (!Number.isInteger(declared) || declared <= this.rowNumber || declared > MAX_ROW)
          throw new WorkbookError(
            `the worksheet ${this.part} has a row numbered "${attributes.r ?? declared}" out of order or beyond row ${MAX_ROW}`,
          );
        this.rowNumber = declared;
        this.cells = [];
        this.column = -1;
        return;
      }
      case 'c': {
        const reference = attributes.r === undefined ? undefined : parseReference(attributes.r);
        if (attributes.r !== undefined && !reference)
          throw new WorkbookError(
            `the worksheet ${this.part} has a cell reference "${attributes.r.slice(0, 20)}" beyond column XFD`,
          );
        this.column = reference ? reference.column : this.column + 1;
        if (this.column >= MAX_COLUMN)
          throw new WorkbookError(`the worksheet ${this.part} has a cell beyond column XFD`);
        this.cellReference = attributes.r ?? `row ${this.rowNumber}`;
        this.cellType = attributes.t ?? 'n';
        this.cellStyle = attributes.s === undefined ? 0 : Number(attributes.s);
        this.value = '';
        this.formula = undefined;
        this.inInlineString = false;
        return;
      }
      case 'v':
        this.collecting = 'v';
        return;
      case 'f':
        this.collecting = 'f';
        this.formula = '';
        this.sharedFormulaIndex = attributes.t === 'shared' ? attributes.si : undefined;
        return;
      case 'is':
        this.inInlineString = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inInlineString && this.phonetic === 0) this.collecting = 't';
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.collecting = undefined;
        return;
      case 'f': {
        this.collecting = undefined;
        const index = this.sharedFormulaIndex;
        // A shared formula's later cells carry only its index: their source is the first cell's.
        if (index !== undefined) {
          if (this.formula) this.sharedFormulas.set(index, this.formula);
          else this.formula = this.sharedFormulas.get(index) ?? '';
        }
        return;
      }
      case 'is':
        this.inInlineString = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        this.cells[this.column] = this.cell();
        this.cellsInBatch++;
        return;
      case 'row': {
        const cells = this.cells;
        // Holes (columns with no <c>) are empty cells.
        for (let index = 0; index < cells.length; index++)
          if (!(index in cells)) cells[index] = null;
        this.rows.push({ row: this.rowNumber, cells });
        this.cellsInBatch += cells.length;
        this.cells = [];
        return;
      }
    }
  }

  text(text: string): void {
    if (this.collecting === undefined) return;
    if (this.collecting === 'f') this.formula += text;
    else this.value += text;
    if (
      this.value.length > this.limits.cellChars ||
      (this.formula?.length ?? 0) > this.limits.cellChars
    )
      throw new WorkbookError(
        `cell ${this.cellReference} of ${this.part} is longer than a cell may be (${this.limits.cellChars} characters)`,
      );
  }

  /** The cell just closed, by its type. */
  private cell(): Cell {
    if (this.formula !== undefined) return new Formula(this.formula);
    const value = this.value;
    switch (this.cellType) {
      case 's': {
        if (value === '') return null;
        const text = this.strings.get(Number(value));
        if (text === undefined)
          throw new WorkbookError(
            `cell ${this.cellReference} of ${this.part} refers to shared string ${value.slice(0, 20)}, which the workbook does not have`,
          );
        return text;
      }
      case 'inlineStr':
        return unescapeXstring(value);
      case 'str':
        return value;
      case 'b':
        return value === '' ? null : value === '1' || value === 'true';
      case 'e':
        return value;
      case 'd': {
        if (value === '') return null;
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default: {
        if (value === '') return null;
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        return this.dateStyles[this.cellStyle] ? excelDate(number, this.date1904) : number;
      }
    }
  }
}
