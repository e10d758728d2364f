import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ByteSource } from '../../src/imports/read/byte-source';
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

function syntaxErrorOf(parse: () => unknown): CsvSyntaxError {
  try {
    parse();
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('the parser threw no CsvSyntaxError');
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

  it('refuses a quoted field that is never closed, naming its record and field', () => {
    const parser = new CsvParser();
    expect(parser.push('a,b\n1,"open\n2,3\n')).toEqual([['a', 'b']]);
    const thrown = syntaxErrorOf(() => parser.end());
    expect(thrown.row).toBe(2);
    expect(thrown.fieldIndex).toBe(1);
    expect(thrown.message).toMatch(/never closed/);
  });

  it('reads every tricky spot the same wherever a chunk boundary falls', () => {
    const text = '\uFEFFa,"b""c",d\r\n"",x""y,"p\r\nq"\r\n"e"f,,\r\n"last"';
    const whole = parseWhole(text);
    expect(whole).toEqual([
      ['\uFEFFa', 'b"c', 'd'],
      ['', 'x""y', 'p\r\nq'],
      ['ef', '', ''],
      ['last'],
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new CsvParser();
      const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect([...records, ...parser.end()]).toEqual(whole);
    }
  });

  it('keeps a lone carriage return inside a field and reads a closing quote at the very end', () => {
    expect(parseInChunks('a\rb,c\n"q"', 1)).toEqual([['a\rb', 'c'], ['q']]);
  });

  it('refuses a record longer than its limit, naming the record', () => {
    const parser = new CsvParser({ maxRecordChars: 10 });
    expect(parser.push('h1,h2\n123,56789\n')).toEqual([
      ['h1', 'h2'],
      ['123', '56789'],
    ]);
    const thrown = syntaxErrorOf(() => parser.push('1234,678901'));
    expect(thrown.row).toBe(3);
    expect(thrown.message).toMatch(/longer than 10 characters/);
  });

  it('refuses a long record fed in small chunks as soon as it passes the limit', () => {
    const parser = new CsvParser({ maxRecordChars: 1000 });
    let thrown: unknown;
    let fed = 0;
    while (fed < 100 && thrown === undefined) {
      fed++;
      try {
        parser.push(',,,,,,,,,"""",,,,,,,,,,'.repeat(10));
      } catch (error) {
        thrown = error;
      }
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    expect((thrown as CsvSyntaxError).row).toBe(1);
    expect(fed).toBeLessThanOrEqual(6);
  });

  it('costs time in proportion to the record: a record twice as long takes about twice as long', () => {
    // One record fed in 64 Ki-character chunks, as the import reads it: quoted fields with commas,
    // doubled quotes and line breaks, and runs of unquoted fields. A parser that re-reads the
    // unfinished record on every chunk takes four times as long for twice the record.
    const piece = '"a, ""b""\nc",1234567,,xyz,';
    const timeOf = (chars: number) => {
      const text = piece.repeat(Math.ceil(chars / piece.length)) + '\n';
      const times = [0, 1, 2].map(() => {
        const parser = new CsvParser({ maxRecordChars: 64 * 1024 * 1024 });
        const started = performance.now();
        let records = 0;
        for (let start = 0; start < text.length; start += 65_536)
          records += parser.push(text.slice(start, start + 65_536)).length;
        records += parser.end().length;
        expect(records).toBe(1);
        return performance.now() - started;
      });
      return Math.min(...times);
    };
    timeOf(1_000_000); // warm-up
    const fourMegabytes = timeOf(4_000_000);
    const eightMegabytes = timeOf(8_000_000);
    expect(eightMegabytes / fourMegabytes).toBeLessThan(3);
    expect(eightMegabytes).toBeLessThan(5_000);
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

describe('the byte source', () => {
  it('hands a large body on in 64 KiB parts and hashes all of it, however far a reader got', async () => {
    const body = new Uint8Array(200_000).map((_, i) => i % 251);
    const source = new ByteSource(body);
    const sizes: number[] = [];
    for await (const part of source) {
      sizes.push(part.byteLength);
      if (sizes.length === 2) break;
    }
    await source.drain();
    expect(sizes).toEqual([65_536, 65_536]);
    expect(source.digest()).toEqual({
      fileSha256: createHash('sha256').update(body).digest('hex'),
      fileBytes: 200_000,
    });
  });
});
