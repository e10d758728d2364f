import { importCellLimits } from '../shared';
import {
  dateCellWithin,
  enumCell,
  flagCell,
  integerCell,
  moneyCell,
  textCell,
  textCellOf,
  type CellParser,
  type DateBounds,
} from './cells';

export type ColumnType = 'text' | 'money' | 'date' | 'integer' | 'flag' | 'enum';

/** One accepted value of an enum column: the code stored, and the other spellings accepted for it. */
export interface EnumValue<Code extends string = string> {
  code: Code;
  aliases: readonly string[];
}

/**
 * One column of an import file: the mapping table users read (served by `GET …/import/columns`)
 * and the import reads headers and cells with. It is the single source of both.
 */
export interface ColumnSpec {
  /** Canonical header, snake_case English. */
  name: string;
  /** Other accepted headers: the usual Chinese ones. Matching ignores case, spaces and a trailing unit such as (元). */
  aliases: readonly string[];
  required: boolean;
  /** money: yuan in the file, integer fen in the book. */
  type: ColumnType;
  /** The value a blank cell (or a missing optional column) takes, when it is not null. */
  default?: string | number | boolean;
  /** The accepted values of an enum column. */
  values?: readonly EnumValue[];
  /** text: the most characters a cell may hold; absent = `importCellLimits.textMaxChars`. */
  maxChars?: number;
  /**
   * date: the day no cell may be later than, besides the calendar's bounds (1900 to 2200): the
   * tape date for what has happened by the day the file describes (origination, charge-off, last
   * payment), today for an event. Absent for a date that may lie ahead, such as maturity.
   */
  notAfter?: 'tape_date' | 'today';
  description: { en: string; zh: string };
}

/** The days an import's date cells are bounded by: the file's tape date (`as_of`) and today. */
export interface CellContext {
  tapeDate: string;
  today: string;
}

/** The bounds of a date column's cells, in an import with `context`. */
function dateBoundsOf(column: ColumnSpec, context: CellContext): DateBounds {
  const { earliestDate: earliest, latestDate } = importCellLimits;
  // A tape date beyond the calendar's own bound (as_of=9999-12-31) does not widen it.
  if (column.notAfter === 'tape_date' && context.tapeDate < latestDate)
    return {
      earliest,
      latest: context.tapeDate,
      tooLate: `after the tape date (as_of) ${context.tapeDate}: the tape records what had happened by then`,
    };
  if (column.notAfter === 'today' && context.today < latestDate)
    return {
      earliest,
      latest: context.today,
      tooLate: `after today ${context.today}: an event cannot lie in the future`,
    };
  return {
    earliest,
    latest: latestDate,
    tooLate: `after ${latestDate}: not a plausible date (a placeholder such as 9999-12-31?)`,
  };
}

/** The cell parser of a column, by its type and bounds, in an import with `context`. */
export function parserFor(column: ColumnSpec, context: CellContext): CellParser<unknown> {
  switch (column.type) {
    case 'text':
      return column.maxChars === undefined ? textCell : textCellOf(column.maxChars);
    case 'money':
      return moneyCell;
    case 'date':
      return dateCellWithin(dateBoundsOf(column, context));
    case 'integer':
      return integerCell;
    case 'flag':
      return flagCell;
    case 'enum':
      return enumCell(column.values ?? []);
  }
}
