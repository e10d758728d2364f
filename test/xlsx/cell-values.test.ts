import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate, fromDayNumber } from '../../src/shared/dates';
import { columnLetters } from '../../src/xlsx/cell-ref';
import { guardedCellText } from '../../src/xlsx/cell-text';
import { cellXml } from '../../src/xlsx/cell-xml';
import { excelDateSerial } from '../../src/xlsx/excel-date';
import { xmlText } from '../../src/xlsx/xml-text';

describe('text cells', () => {
  it('put an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(guardedCellText(text)).toBe(`'${text}`);
    for (const text of ['a=1', '1-2', "'already quoted", ' =1', '张三', ''])
      expect(guardedCellText(text)).toBe(text);
  });

  it('drop characters illegal in XML first, so they cannot hide a formula', () => {
    expect(guardedCellText('\u0000\u0008=cmd|calc')).toBe("'=cmd|calc");
    expect(guardedCellText('a\u000Bb\uFFFEc\uFFFF')).toBe('abc');
  });

  it('refuse text longer than an Excel cell holds', () => {
    expect(guardedCellText('x'.repeat(32_767))).toHaveLength(32_767);
    expect(() => guardedCellText('x'.repeat(32_768))).toThrow(/at most 32767 characters/);
    expect(() => guardedCellText(`=${'x'.repeat(32_766)}`)).toThrow(/at most 32767 characters/);
  });
});

describe('XML text', () => {
  it('escapes markup, keeps a carriage return as a character reference and passes plain text as it is', () => {
    expect(xmlText('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(xmlText('line\r\nnext\ttab')).toBe('line&#13;\nnext\ttab');
    const plain = '借款人 L0001';
    expect(xmlText(plain)).toBe(plain);
  });

  it('keeps surrogate pairs and drops lone surrogates', () => {
    expect(xmlText('ok 😀')).toBe('ok 😀');
    expect(xmlText('a\uD83Db\uDE00c')).toBe('abc');
  });
});

describe('Excel date serials', () => {
  it('are the days since 1899-12-30 for every day from 1900-03-01 to 9999-12-31', () => {
    expect(excelDateSerial('1900-03-01')).toBe(61);
    expect(excelDateSerial('2024-01-01')).toBe(45_292);
    expect(excelDateSerial('9999-12-31')).toBe(2_958_465);
    fc.assert(
      fc.property(
        fc.integer({ min: -25_508, max: 2_932_896 }),
        (day) => excelSerialToIsoDate(excelDateSerial(fromDayNumber(day))) === fromDayNumber(day),
      ),
    );
  });

  it('refuse days that do not exist, other formats and days before March 1900', () => {
    for (const bad of [
      '2023-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '2024/01/01',
      '1900-02-28',
      '',
    ]) {
      expect(() => excelDateSerial(bad)).toThrow(RangeError);
    }
    expect(excelDateSerial('2000-02-29')).toBe(36_585);
    expect(() => excelDateSerial('1900-02-29')).toThrow(RangeError);
  });
});

describe('column letters', () => {
  it('count in bijective base 26 up to XFD', () => {
    expect([0, 25, 26, 51, 701, 702, 16_383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    expect(() => columnLetters(16_384)).toThrow(RangeError);
  });
});

describe('cells', () => {
  it('leave null and empty text out', () => {
    expect(cellXml('A1', 'text', null, 1)).toBe('');
    expect(cellXml('A1', 'money', null, 1)).toBe('');
    expect(cellXml('A1', 'id', '', 1)).toBe('');
    expect(cellXml('A1', 'text', '\u0001', 1)).toBe('');
  });

  it('write ids given as numbers as text, and money in fen as yuan', () => {
    expect(cellXml('A2', 'id', 110_105, 3)).toBe(
      '<c r="A2" s="3" t="inlineStr"><is><t>110105</t></is></c>',
    );
    expect(cellXml('C2', 'money', -12_345, 7)).toBe('<c r="C2" s="7"><v>-123.45</v></c>');
    expect(cellXml('B2', 'text', ' x', 1)).toBe(
      '<c r="B2" s="1" t="inlineStr"><is><t xml:space="preserve"> x</t></is></c>',
    );
  });

  it('refuse a value that does not fit the kind', () => {
    expect(() => cellXml('A1', 'money', 1.5, 1)).toThrow(/fen/);
    expect(() => cellXml('A1', 'money', '100', 1)).toThrow(TypeError);
    expect(() => cellXml('A1', 'integer', 2 ** 53, 1)).toThrow(TypeError);
    expect(() => cellXml('A1', 'rate', Number.NaN, 1)).toThrow(/finite/);
    expect(() => cellXml('A1', 'date', 45_292, 1)).toThrow(/ISO date/);
  });
});
