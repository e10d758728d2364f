import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError } from '../../src/imports/read/csv-parser';
import { csvRows } from '../../src/imports/read/csv-rows';
import { decodeText } from '../../src/imports/read/decode';
import type { SourceRow } from '../../src/imports/types';

function parseWhole(text: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Parses text fed one chunk of `size` characters at a time. */
function parseInChunks(text: string, size: number): string[][] {
  const parser = new CsvParser();
  const records: string[][] = [];
  for (let start = 0; start < text.length; start += size)
    records.push(...parser.push(text.slice(start, start + size)));
  return [...records, ...parser.end()];
}

async function rowsOfBytes(
  bytes: Uint8Array,
  chunkBytes: number,
  encoding?: 'utf-8' | 'gbk',
): Promise<SourceRow[]> {
  async function* chunks() {
    for (let start = 0; start < bytes.length; start += chunkBytes)
      yield bytes.subarray(start, start + chunkBytes);
  }
  const rows: SourceRow[] = [];
  for await (const batch of csvRows(decodeText(chunks(), encoding))) rows.push(...batch);
  return rows;
}

describe('the CSV parser', () => {
  it('splits records on LF and CRLF and fields on commas', () => {
    expect(parseWhole('a,b,c\r\n1,2,3\n4,5,6\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads a last record that has no line end, and empty fields anywhere', () => {
    expect(parseWhole('a,,c\n,2,\n7,8,')).toEqual([
      ['a', '', 'c'],
      ['', '2', ''],
      ['7', '8', ''],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'id,note\n1,"Shenzhen, Futian"\n2,"line one\r\nline two"\n3,"he said ""pay"""\n';
    expect(parseWhole(text)).toEqual([
      ['id', 'note'],
      ['1', 'Shenzhen, Futian'],
      ['2', 'line one\r\nline two'],
      ['3', 'he said "pay"'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text =
      'id,name,note\r\n1,张三,"a ""quoted"", multi\nline note"\r\n2,"李四",plain\r\n3,,"x"\r\n';
    const whole = parseWhole(text);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(parseInChunks(text, size)).toEqual(whole);
  });

  it('keeps a quote inside an unquoted field and text after a closing quote', () => {
    expect(parseWhole('5"6,"a"b\n')).toEqual([['5"6', 'ab']]);
  });

  it('refuses a quoted field that is never closed, naming its record', () => {
    const parser = new CsvParser();
    expect(parser.push('a,b\n1,"open\n2,3\n')).toEqual([['a', 'b']]);
    let thrown: unknown;
    try {
      parser.end();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    expect((thrown as CsvSyntaxError).row).toBe(2);
  });
});

describe('reading CSV bytes', () => {
  it('numbers rows as a spreadsheet does: the header is row 1, a record with a line break is one row', async () => {
    const bytes = new TextEncoder().encode('id,note\n1,"two\nlines"\n2,x\n');
    const rows = await rowsOfBytes(bytes, 1024);
    expect(rows.map((row) => [row.row, row.cells[0]])).toEqual([
      [1, 'id'],
      [2, '1'],
      [3, '2'],
    ]);
  });

  it('decodes UTF-8 cut in the middle of multi-byte characters and quotes', async () => {
    const text = 'id,借款人,备注\n1,张三丰,"深圳,""福田"""\n2,李四,欧阳\n';
    const bytes = new TextEncoder().encode(text);
    const expected = parseWhole(text);
    for (const size of [1, 2, 4, 5, 13]) {
      expect((await rowsOfBytes(bytes, size)).map((row) => row.cells)).toEqual(expected);
    }
  });

  it('decodes GBK cut in the middle of double-byte characters', async () => {
    const text = 'id,借款人\n1,张三丰\n2,"欧阳,娜娜"\n';
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    for (const size of [1, 3, 7]) {
      expect((await rowsOfBytes(bytes, size)).map((row) => row.cells)).toEqual(parseWhole(text));
    }
  });
});
