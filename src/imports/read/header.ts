import type { FieldError } from '../../shared';
import { cellText, shownCellText, type CellParser } from '../cells';
import { parserFor, type CellContext, type ColumnSpec } from '../columns';
import { ERRORS_SHOWN } from '../error-log';
import type { Cell, ImportColumns, UnknownColumns } from '../types';
import { closestHeader } from './closest-header';
import { normaliseHeader } from './header-name';

/** A column of the table found in the file: where it is, the header text as written (its start if long). */
export interface ColumnBinding {
  column: ColumnSpec;
  index: number;
  header: string;
  parse: CellParser<unknown>;
}

/** What a header row says about the file's columns. */
export interface HeaderReading {
  bindings: ColumnBinding[];
  errors: FieldError[];
  /** Headers the table does not know, left out because the request said `unknown_columns=ignore`. */
  ignored: string[];
  /** Cells per row the header names: up to its last non-blank cell. */
  width: number;
  /** 0-based positions of blank header cells before `width`: columns without a name. */
  unnamed: number[];
}

export interface HeaderOptions {
  /** The file's row number of the header. */
  headerRow?: number;
  /** Whether a header the table does not know is an error (the default) or left out. */
  unknownColumns?: UnknownColumns;
  /** The dates the cells of date columns are bounded by. */
  dates: CellContext;
}

/** The columns a reading took (file header → canonical name) and the ones it ignored, for the answer. */
export function importColumnsOf(
  reading: Pick<HeaderReading, 'bindings' | 'ignored'>,
): ImportColumns {
  return {
    mapped: reading.bindings.map((binding) => ({
      header: shownCellText(binding.header),
      column: binding.column.name,
    })),
    ignored: reading.ignored.map((header) => shownCellText(header)),
  };
}

/**
 * Finds the table's columns in a header row. A header the table does not know is an error naming
 * the closest known header (a misspelt optional column would otherwise import as blank, its amounts
 * as 0), unless the request says to ignore such columns; a missing required column is an error on
 * the header row named by its canonical name, and two headers meaning the same column is an error
 * on the second one. Blank header cells name no column: values under them are refused row by row.
 */
export function bindHeader(
  headerCells: readonly Cell[],
  columns: readonly ColumnSpec[],
  options: HeaderOptions,
): HeaderReading {
  const headerRow = options.headerRow ?? 1;
  const byName = new Map<string, ColumnSpec>();
  for (const column of columns)
    for (const name of [column.name, ...column.aliases]) byName.set(normaliseHeader(name), column);
  const headers = headerCells.map((cell) => shownHeader(cell));
  const reading: HeaderReading = {
    bindings: [],
    errors: [],
    ignored: [],
    width: headers.findLastIndex((header) => header !== '') + 1,
    unnamed: [],
  };
  const unknown: number[] = [];
  for (let index = 0; index < reading.width; index++) {
    const header = headers[index]!;
    if (header === '') {
      reading.unnamed.push(index);
      continue;
    }
    const column = byName.get(normaliseHeader(header));
    if (!column) {
      if (options.unknownColumns === 'ignore') reading.ignored.push(header);
      else unknown.push(index);
      continue;
    }
    const earlier = reading.bindings.find((binding) => binding.column === column);
    if (earlier) {
      reading.errors.push({
        row: headerRow,
        column: shownCellText(header),
        value: shownCellText(header),
        message: `the same column as "${shownCellText(earlier.header)}" (${column.name}); keep one of them`,
      });
      continue;
    }
    reading.bindings.push({
      column,
      index,
      header: shownCellText(header),
      parse: parserFor(column, options.dates),
    });
  }
  const taken = new Set(reading.bindings.map((binding) => binding.column));
  unknown.forEach((index, nth) => {
    const header = headers[index]!;
    // Only the errors an answer shows need the closest header; the rest are only counted.
    const closest = nth < ERRORS_SHOWN ? closestHeader(header, columns, taken) : undefined;
    const named = closest
      ? `; the closest known header is ${closest.written === closest.column.name ? `"${closest.written}"` : `"${closest.written}" (${closest.column.name})`}`
      : '';
    reading.errors.push({
      row: headerRow,
      column: shownCellText(header),
      value: shownCellText(header),
      message: `unknown column "${shownCellText(header)}"${named}: rename it, or send unknown_columns=ignore to import without it`,
    });
  });
  for (const column of columns) {
    if (column.required && !taken.has(column)) {
      reading.errors.push({
        row: headerRow,
        column: column.name,
        message: `required column missing: name it ${[column.name, ...column.aliases].map((name) => `"${name}"`).join(' or ')}`,
      });
    }
  }
  return reading;
}

/** A header cell as its text, trimmed, without a byte-order mark. */
function shownHeader(cell: Cell): string {
  return cellText(cell)
    .replace(/^\uFEFF/, '')
    .trim();
}
