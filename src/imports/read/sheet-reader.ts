import { Formula, type Cell, type SourceRow } from '../types';
import { unescapeXstring, type SharedStrings } from './shared-strings';
import { WorkbookError } from './workbook-error';
import type { XlsxLimits } from './xlsx-rows';

/** Excel's own bounds: 1,048,576 rows, 16,384 columns (XFD), and cells of 32,767 characters (`XlsxLimits.cellChars`). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

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
export class SheetReader {
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
