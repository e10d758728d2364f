import { describe, expect, it } from 'vitest';
import {
  CellFailure,
  dateCell,
  dateCellWithin,
  shownCellText,
  textCellOf,
  enumCell,
  flagCell,
  integerCell,
  moneyCell,
  textCell,
} from '../../src/imports/cells';
import { parserFor, type ColumnSpec } from '../../src/imports/columns';
import { Formula } from '../../src/imports/types';
import { collectionColumns } from '../../src/collections/events/columns';
import { tapeColumns } from '../../src/loans/tape/tape-columns';
import { isValidNationalId } from '../../src/loans/tape/national-id';

const failure = (message?: RegExp) =>
  message
    ? expect.objectContaining({ message: expect.stringMatching(message) })
    : expect.any(CellFailure);

describe('money cells', () => {
  it('reads yuan as integer fen, with or without thousands separators', () => {
    expect(moneyCell('1234.56')).toBe(123456);
    expect(moneyCell(' 1,234.5 ')).toBe(123450);
    expect(moneyCell('12')).toBe(1200);
    expect(moneyCell('-3.01')).toBe(-301);
    expect(moneyCell(1234.56)).toBe(123456);
  });

  it('leaves a blank cell blank and refuses what is not an amount', () => {
    expect(moneyCell('  ')).toBeNull();
    expect(moneyCell(null)).toBeNull();
    for (const bad of ['12.345', 'abc', '1.', '.5', '1,23.00'])
      expect(moneyCell(bad)).toEqual(failure(/not an amount/));
  });

  it('refuses formulas: values must be pasted', () => {
    expect(moneyCell('=SUM(A1:A2)')).toEqual(failure(/formulas are not accepted/));
    expect(moneyCell(new Formula('SUM(A1:A2)'))).toEqual(failure(/formulas are not accepted/));
  });
});

describe('date cells', () => {
  it('reads ISO, slashed and 8-digit dates, Excel serials and workbook dates', () => {
    expect(dateCell('2024-02-29')).toBe('2024-02-29');
    expect(dateCell('2024/2/9')).toBe('2024-02-09');
    expect(dateCell('20240131')).toBe('2024-01-31');
    expect(dateCell('45292')).toBe('2024-01-01');
    expect(dateCell(45292.75)).toBe('2024-01-01');
    expect(dateCell(new Date(Date.UTC(2023, 11, 31)))).toBe('2023-12-31');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '0000-01-01', '2024-1-1x', 'soon'])
      expect(dateCell(bad)).toEqual(failure(/not a date/));
    expect(dateCell('=TODAY()')).toEqual(failure(/formulas are not accepted/));
  });
});

describe('other cells', () => {
  it('keeps text as written, text that looks like a formula included', () => {
    expect(textCell('  张三 ')).toBe('张三');
    expect(textCell('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(textCell(13812345678)).toBe('13812345678');
    expect(textCell('')).toBeNull();
  });

  it('reads flags in English, Chinese and digits', () => {
    for (const yes of ['1', 'true', 'Yes', 'Y', '是', true, 1]) expect(flagCell(yes)).toBe(true);
    for (const no of ['0', 'FALSE', 'no', 'n', '否', false, 0]) expect(flagCell(no)).toBe(false);
    expect(flagCell('maybe')).toEqual(failure(/yes\/no/));
  });

  it('reads whole numbers only', () => {
    expect(integerCell('180')).toBe(180);
    expect(integerCell('-3')).toBe(-3);
    expect(integerCell('1.5')).toEqual(failure(/whole number/));
  });

  it('reads enum codes by code or alias, ignoring case', () => {
    const status = enumCell([{ code: 'charged_off', aliases: ['已核销'] }]);
    expect(status('CHARGED_OFF')).toBe('charged_off');
    expect(status('已核销')).toBe('charged_off');
    expect(status('written off')).toEqual(failure(/not one of: charged_off\/已核销/));
  });
});

describe('national ids', () => {
  it('accept 18 characters with the GB 11643 check character, or 15 digits', () => {
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(isValidNationalId('110105491231002')).toBe(true);
    expect(isValidNationalId('110105194912310021')).toBe(false);
    expect(isValidNationalId('11010519491231002x')).toBe(false);
    expect(isValidNationalId('1101051949123100')).toBe(false);
  });
});

describe('text cells that cannot lie', () => {
  it('refuses a workbook formula in a text column: its value is not what the sheet stores', () => {
    expect(textCell(new Formula('HYPERLINK("http://x","y")'))).toEqual(
      failure(/formulas are not accepted; paste values/),
    );
    const status = enumCell([{ code: 'sold', aliases: [] }]);
    expect(status(new Formula('"sold"'))).toEqual(failure(/paste values/));
  });

  it('refuses control characters (C0, NUL and DEL) inside a value, naming the character', () => {
    for (const [bad, code] of [
      ['张\u0000三', 'U+0000'],
      ['L\u00010', 'U+0001'],
      ['a\tb', 'U+0009'],
      ['line\nbreak', 'U+000A'],
      ['L1\u007F', 'U+007F'],
    ] as const)
      expect(textCell(bad), bad).toEqual(
        failure(new RegExp(`control character ${code.replace('+', '\\+')}`)),
      );
    expect(textCell(' 张三\t\r\n')).toBe('张三');
  });

  it('refuses text longer than its column allows', () => {
    const id = textCellOf(64);
    expect(id('x'.repeat(64))).toBe('x'.repeat(64));
    expect(id('x'.repeat(65))).toEqual(failure(/longer than 64 characters \(65\)/));
    expect(textCell('y'.repeat(501))).toEqual(failure(/longer than 500 characters/));
  });

  it('shows a long value in an error by its start and its length', () => {
    const shown = shownCellText('L'.repeat(100_000));
    expect(shown.length).toBeLessThan(200);
    expect(shown).toMatch(/^L+… \(100000 characters\)$/);
    expect(shownCellText('short')).toBe('short');
  });
});

describe('dates within bounds', () => {
  const upToTapeDate = dateCellWithin({
    earliest: '1900-01-01',
    latest: '2026-06-30',
    tooLate: 'after the tape date (as_of) 2026-06-30',
  });
  it('accepts dates from 1900-01-01 to the bound', () => {
    expect(upToTapeDate('1900-01-01')).toBe('1900-01-01');
    expect(upToTapeDate('2026-06-30')).toBe('2026-06-30');
    expect(upToTapeDate(null)).toBeNull();
  });

  it('refuses dates after the bound or before 1900, naming the bound', () => {
    expect(upToTapeDate('9999-12-31')).toEqual(failure(/after the tape date \(as_of\) 2026-06-30/));
    expect(upToTapeDate('2026-07-01')).toEqual(failure(/after the tape date \(as_of\) 2026-06-30/));
    expect(upToTapeDate('1899-12-31')).toEqual(failure(/before 1900-01-01/));
    expect(upToTapeDate('0100-01-01')).toEqual(failure(/before 1900-01-01/));
    expect(upToTapeDate('soon')).toEqual(failure(/not a date/));
  });
});

describe('the bounds each column declares', () => {
  const context = { tapeDate: '2026-05-31', today: '2026-06-30' };
  const parser = (columns: readonly ColumnSpec[], name: string, at = context) =>
    parserFor(
      columns.find((column) => column.name === name)!,
      at,
    );

  it('bounds what a tape records by its tape date, and a maturity by the calendar only', () => {
    for (const name of [
      'origination_date',
      'charge_off_date',
      'last_payment_date',
      'birth_date',
      'last_acknowledgement_date',
    ]) {
      expect(parser(tapeColumns, name)('2026-05-31'), name).toBe('2026-05-31');
      expect(parser(tapeColumns, name)('2026-06-01'), name).toEqual(failure(/after the tape date/));
    }
    const maturity = parser(tapeColumns, 'maturity_date');
    expect(maturity('2200-12-31')).toBe('2200-12-31');
    expect(maturity('9999-12-31')).toEqual(failure(/after 2200-12-31/));
    expect(maturity('1899-12-31')).toEqual(failure(/before 1900-01-01/));
  });

  it('does not let an as_of of 9999-12-31 widen the calendar', () => {
    const far = { ...context, tapeDate: '9999-12-31' };
    expect(parser(tapeColumns, 'charge_off_date', far)('9999-12-31')).toEqual(
      failure(/after 2200-12-31/),
    );
  });

  it('bounds collection events by today', () => {
    const eventDate = parser(collectionColumns, 'event_date');
    expect(eventDate('2026-06-30')).toBe('2026-06-30');
    expect(eventDate('2026-07-01')).toEqual(failure(/after today 2026-06-30/));
  });

  it('holds ids to 64 characters and other text to 500', () => {
    for (const name of ['loan_id', 'borrower_id', 'national_id', 'mobile_phone']) {
      expect(parser(tapeColumns, name)('9'.repeat(64)), name).toBe('9'.repeat(64));
      expect(parser(tapeColumns, name)('9'.repeat(65)), name).toEqual(failure(/longer than 64/));
    }
    expect(parser(collectionColumns, 'loan_id')('9'.repeat(65))).toEqual(failure(/longer than 64/));
    expect(parser(tapeColumns, 'borrower_name')('名'.repeat(500))).toBe('名'.repeat(500));
    expect(parser(collectionColumns, 'note')('x'.repeat(501))).toEqual(failure(/longer than 500/));
  });
});
