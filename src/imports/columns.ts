import {
  dateCell,
  enumCell,
  flagCell,
  integerCell,
  moneyCell,
  textCell,
  type CellParser,
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
  description: { en: string; zh: string };
}

/** The cell parser of a column's type. */
export function parserFor(column: ColumnSpec): CellParser<unknown> {
  switch (column.type) {
    case 'text':
      return textCell;
    case 'money':
      return moneyCell;
    case 'date':
      return dateCell;
    case 'integer':
      return integerCell;
    case 'flag':
      return flagCell;
    case 'enum':
      return enumCell(column.values ?? []);
  }
}
