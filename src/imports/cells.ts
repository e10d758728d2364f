import {
  excelSerialToIsoDate,
  fenFromYuanNumber,
  importCellLimits,
  parseFen,
  parseIsoDate,
} from '../shared';
import { Formula, type Cell } from './types';

/** Why a cell could not be read as its column's type; becomes a row error. */
export class CellFailure {
  constructor(readonly message: string) {}
}

/** A cell parser: the typed value, `null` for a blank cell, or why the cell is wrong. */
export type CellParser<T> = (cell: Cell) => T | null | CellFailure;

const FORMULA_REFUSED = new CellFailure('formulas are not accepted; paste values');
const NOT_AN_AMOUNT = new CellFailure(
  'not an amount: expected yuan such as 1234.56 or 1,234.56, at most 2 decimals',
);
const NOT_A_DATE = new CellFailure(
  'not a date: expected YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or an Excel date',
);
const NOT_AN_INTEGER = new CellFailure('not a whole number');
const NOT_A_FLAG = new CellFailure(
  'not a yes/no value: expected 1/0, true/false, yes/no, Y/N or 是/否',
);
const EIGHT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const SERIAL = /^\d{1,7}$/;
const INTEGER = /^-?\d+$/;

/** Whether text typed into a cell is a formula (`=…`): a CSV carries it as text, never evaluated. */
const isFormulaText = (text: string) => text.charCodeAt(0) === 61;

/** The number written by `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether text in the form `YYYY-MM-DD` names a real day (years 100–9999, as `parseIsoDate`).
 * The common case, checked by arithmetic: a loan tape has four dates a row, and building a Date
 * for each was the largest cost of reading one.
 */
function isRealIsoDate(text: string): boolean {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * Fen of a plain amount (`123456`, `1234.5`, `1234.56`) by arithmetic, the common case; `undefined`
 * for anything else (a sign, separators, more digits than are safe), which `parseFen` then judges.
 */
function plainFen(text: string): number | undefined {
  let fen = 0;
  let decimals = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */ && decimals < 0 && i > 0) {
      decimals = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return undefined;
    fen = fen * 10 + digit;
    if (decimals >= 0) decimals++;
  }
  if (decimals === 0 || decimals > 2 || text.length > 15) return undefined;
  return decimals === 2 ? fen : decimals === 1 ? fen * 10 : fen * 100;
}

/** A cell as text: what the user sees in the file. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Formula) return `=${cell.source}`;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Characters of a value an error answer shows: enough to find the cell, not a copy of a long one. */
const SHOWN_CHARS = 80;

/** A cell as text for an error answer: a long value by its start and its length. */
export function shownCellText(cell: Cell): string {
  const text = cellText(cell);
  return text.length <= SHOWN_CHARS
    ? text
    : `${text.slice(0, SHOWN_CHARS)}… (${text.length} characters)`;
}

/** C0 control characters (NUL to U+001F) and DEL: invisible, and they break the files the book is exported to. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * A parser of text cells of at most `maxChars` characters: trimmed; blank → null. Text that looks
 * like a formula (`=HYPERLINK(...)` typed in a CSV) is kept as written, never evaluated; a workbook
 * formula is refused, as its value is whatever the sheet last computed. A number keeps the digits
 * the sheet shows; a date becomes ISO. Control characters inside the text are refused.
 */
export function textCellOf(maxChars: number): CellParser<string> {
  const tooLong = (length: number) =>
    new CellFailure(`longer than ${maxChars} characters (${length})`);
  return (cell) => {
    if (cell instanceof Formula) return FORMULA_REFUSED;
    const text = typeof cell === 'string' ? cell.trim() : cell === null ? '' : cellText(cell);
    if (text === '') return null;
    if (text.length > maxChars) return tooLong(text.length);
    const control = CONTROL_CHARACTER.exec(text);
    if (control) {
      const code = text.charCodeAt(control.index).toString(16).toUpperCase().padStart(4, '0');
      return new CellFailure(
        `control character U+${code} at character ${control.index + 1}: text cells take printable text on one line`,
      );
    }
    return text;
  };
}

/** A text cell of the usual length (`importCellLimits.textMaxChars`). */
export const textCell: CellParser<string> = textCellOf(importCellLimits.textMaxChars);

/** Money in yuan → integer fen (`parseFen`, thousands separators accepted); a spreadsheet number is rounded to the fen. */
export const moneyCell: CellParser<number> = (cell) => {
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    if (isFormulaText(text)) return FORMULA_REFUSED;
    return plainFen(text) ?? parseFen(text) ?? NOT_AN_AMOUNT;
  }
  if (typeof cell === 'number') return fenFromYuanNumber(cell) ?? NOT_AN_AMOUNT;
  if (cell instanceof Formula) return FORMULA_REFUSED;
  return cell === null ? null : NOT_AN_AMOUNT;
};

/** A calendar date: ISO, slashed, 8-digit, an Excel serial (text or number) or a workbook Date (its UTC day). */
export const dateCell: CellParser<string> = (cell) => {
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45)
      return isRealIsoDate(text) ? text : NOT_A_DATE;
    if (isFormulaText(text)) return FORMULA_REFUSED;
    const eight = EIGHT_DIGITS.exec(text);
    if (eight) return parseIsoDate(`${eight[1]}-${eight[2]}-${eight[3]}`) ?? NOT_A_DATE;
    if (SERIAL.test(text)) return excelSerialToIsoDate(Number(text)) ?? NOT_A_DATE;
    return parseIsoDate(text) ?? NOT_A_DATE;
  }
  // A serial with a time of day (45123.75) is still that day.
  if (typeof cell === 'number') return excelSerialToIsoDate(Math.floor(cell)) ?? NOT_A_DATE;
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? NOT_A_DATE : cell.toISOString().slice(0, 10);
  if (cell instanceof Formula) return FORMULA_REFUSED;
  return cell === null ? null : NOT_A_DATE;
};

/** The days a date column accepts, from `earliest` to `latest`, and what a later date is told. */
export interface DateBounds {
  earliest: string;
  latest: string;
  /** The message of a date after `latest`: why the column cannot hold it. */
  tooLate: string;
}

/**
 * A date cell (`dateCell`) within bounds. A date before 1900 or after what the column can hold (the
 * tape date for what has happened by then, today for an event, 2200 for a maturity) is refused
 * rather than stored: every rule reading it (age at charge-off, limitation periods, recovery
 * curves, the strats) would take it as true.
 */
export function dateCellWithin(bounds: DateBounds): CellParser<string> {
  const tooEarly = new CellFailure(`before ${bounds.earliest}: not a plausible date`);
  const tooLate = new CellFailure(bounds.tooLate);
  return (cell) => {
    const date = dateCell(cell);
    if (typeof date !== 'string') return date;
    return date < bounds.earliest ? tooEarly : date > bounds.latest ? tooLate : date;
  };
}

/** A whole number (days past due); the sign is left to the record's rules. */
export const integerCell: CellParser<number> = (cell) => {
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    if (isFormulaText(text)) return FORMULA_REFUSED;
    return INTEGER.test(text) && text.length < 16 ? Number(text) : NOT_AN_INTEGER;
  }
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : NOT_AN_INTEGER;
  if (cell instanceof Formula) return FORMULA_REFUSED;
  return cell === null ? null : NOT_AN_INTEGER;
};

const FLAG_WORDS = new Map<string, boolean>([
  ['1', true],
  ['true', true],
  ['yes', true],
  ['y', true],
  ['是', true],
  ['0', false],
  ['false', false],
  ['no', false],
  ['n', false],
  ['否', false],
]);

/** A yes/no flag: 1/0, true/false, yes/no, Y/N, 是/否 (any case); blank → null (the column default, false). */
export const flagCell: CellParser<boolean> = (cell) => {
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    return FLAG_WORDS.get(text) ?? FLAG_WORDS.get(text.toLowerCase()) ?? NOT_A_FLAG;
  }
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : NOT_A_FLAG;
  if (cell instanceof Formula) return FORMULA_REFUSED;
  return cell === null ? null : NOT_A_FLAG;
};

/**
 * A parser for a closed list of codes, each accepted under its own name or any of its aliases
 * (case-insensitive): e.g. `charged_off`, `已核销`.
 */
export function enumCell<Code extends string>(
  values: readonly { code: Code; aliases: readonly string[] }[],
): CellParser<Code> {
  const lookup = new Map<string, Code>();
  for (const { code, aliases } of values)
    for (const name of [code, ...aliases]) lookup.set(name.toLowerCase(), code);
  const failure = new CellFailure(
    `not one of: ${values.map(({ code, aliases }) => [code, ...aliases].join('/')).join(', ')}`,
  );
  return (cell) => {
    const text = textCell(cell);
    if (text === null || text instanceof CellFailure) return text;
    return lookup.get(text) ?? lookup.get(text.toLowerCase()) ?? failure;
  };
}
