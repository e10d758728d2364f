import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkbookError, xlsxRows } from '../../src/imports/read';
import { defaultXlsxLimits, type XlsxLimits } from '../../src/imports/read/xlsx-rows';
import { Formula, type SourceRow } from '../../src/imports/types';
import { sheetXml, workbookParts, zipOf, type ZipPart } from './hostile-files';

const folder = mkdtempSync(join(tmpdir(), 'xlsx-reader-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

/** Every row the reader yields for `bytes` (fed in 1000-byte chunks); checks it removed its spool file. */
async function readAll(bytes: Uint8Array, limits?: Partial<XlsxLimits>): Promise<SourceRow[]> {
  const spoolPath = join(folder, `upload-${++files}.xlsx`);
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
  }
  const rows: SourceRow[] = [];
  try {
    for await (const batch of xlsxRows(chunks(), {
      spoolPath,
      limits: { ...defaultXlsxLimits, ...limits },
    }))
      rows.push(...batch);
  } finally {
    expect(existsSync(spoolPath)).toBe(false);
  }
  return rows;
}

const stringsPart = (xml: string): ZipPart => ({
  name: 'xl/sharedStrings.xml',
  data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${xml}</sst>`,
});
const sheetPart = (rowsXml: string): ZipPart => ({
  name: 'xl/worksheets/sheet1.xml',
  data: sheetXml(rowsXml),
});

describe('xlsxRows: what a workbook holds', () => {
  it('reads what exceljs writes as the old reader did: text, numbers, booleans, dates, rich text, links, errors, formulas, gaps', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('tape');
    sheet.addRow(['loan_id', 'amount', 'flag', 'date', 'rich', 'link', 'error', 'formula']);
    sheet.addRow([
      'L1',
      1234.5,
      true,
      new Date(Date.UTC(2021, 2, 1)),
      { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] },
      { text: 'site', hyperlink: 'http://example.com' },
      { error: '#N/A' },
      { formula: 'B2*2', result: 2469 },
    ]);
    sheet.getRow(4).getCell(1).value = 'after a gap';
    sheet.getRow(4).getCell(5).value = 'sparse';
    const second = workbook.addWorksheet('other');
    second.addRow(['not read']);
    const rows = await readAll(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows.map((row) => row.row)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells.slice(0, 7)).toEqual([
      'L1',
      1234.5,
      true,
      new Date(Date.UTC(2021, 2, 1)),
      '张三',
      'site',
      '#N/A',
    ]);
    expect(rows[1]!.cells[7]).toEqual(new Formula('B2*2'));
    expect(rows[2]!.cells).toEqual(['after a gap', null, null, null, 'sparse']);
  });

  it('reads parts stored without compression, and parts named with other case or a leading slash', async () => {
    const parts = workbookParts().map((part) => ({ ...part, stored: true }));
    parts[3] = {
      ...parts[3]!,
      data: String(parts[3]!.data).replace(
        'Target="worksheets/sheet1.xml"',
        'Target="/xl/worksheets/Sheet1.xml"',
      ),
    };
    const rows = await readAll(
      zipOf([
        ...parts,
        { ...sheetPart('<row><c t="inlineStr"><is><t>stored</t></is></c></row>'), stored: true },
      ]),
    );
    expect(rows).toEqual([{ row: 1, cells: ['stored'] }]);
  });

  it('reports a formula cell as a Formula whatever its cached value, shared formulas included', async () => {
    const rows = await readAll(
      zipOf([
        ...workbookParts(),
        sheetPart(
          '<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>abcx</v></c>' +
            '<c r="B1"><f t="shared" ref="B1:B2" si="0">C1+1</f><v>2</v></c></row>' +
            '<row r="2"><c r="B2"><f t="shared" si="0"/><v>3</v></c></row>',
        ),
      ]),
    );
    expect(rows[0]!.cells).toEqual([new Formula('A2&"x"'), new Formula('C1+1')]);
    expect(rows[1]!.cells).toEqual([null, new Formula('C1+1')]);
  });

  it('reads shared strings with rich runs and phonetic guides as Excel shows them, and prefixed elements', async () => {
    const rows = await readAll(
      zipOf([
        ...workbookParts(),
        stringsPart(
          '<si><t xml:space="preserve"> plain </t></si>' +
            '<si><r><t>東</t></r><r><rPr><b/></rPr><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>' +
            '<si><t>a &amp; b &#x4E2D;</t></si>' +
            '<si><t>line_x000D_end _x005F_x0041_</t></si>',
        ),
        {
          name: 'xl/worksheets/sheet1.xml',
          data: '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        },
      ]),
    );
    expect(rows).toEqual([
      { row: 1, cells: [' plain ', '東京', 'a & b 中', false, 'inline', 'line\rend _x0041_'] },
    ]);
  });

  it('reads dates by the cell style, custom formats and the 1904 system included', async () => {
    const styles = {
      name: 'xl/styles.xml',
      data:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts>' +
        '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>',
    };
    const parts = workbookParts();
    parts[3] = {
      ...parts[3]!,
      data: String(parts[3]!.data).replace(
        '</Relationships>',
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
    };
    const row =
      '<row r="1"><c s="0"><v>44256</v></c><c s="1"><v>44256</v></c><c s="2"><v>44256.5</v></c><c s="3"><v>44256</v></c><c t="d"><v>2021-03-01T00:00:00Z</v></c></row>';
    const rows = await readAll(zipOf([...parts, styles, sheetPart(row)]));
    expect(rows[0]!.cells).toEqual([
      44256,
      new Date('2021-03-01T00:00:00Z'),
      new Date('2021-03-01T12:00:00Z'),
      44256,
      new Date('2021-03-01T00:00:00Z'),
    ]);
    parts[2] = {
      ...parts[2]!,
      data: String(parts[2]!.data).replace('<sheets>', '<workbookPr date1904="1"/><sheets>'),
    };
    const rows1904 = await readAll(zipOf([...parts, styles, sheetPart(row)]));
    expect(rows1904[0]!.cells[1]).toEqual(new Date('2025-03-02T00:00:00Z'));
  });
});

describe('xlsxRows: sharing the process', () => {
  it('gives the event loop a turn while it reads a large sheet', async () => {
    const cells = Array.from(
      { length: 20 },
      (_, c) => `<c t="inlineStr"><is><t>text ${c}</t></is></c>`,
    );
    const rowsXml = Array.from(
      { length: 30_000 },
      (_, r) => `<row r="${r + 1}">${cells.join('')}<c><v>${r}</v></c></row>`,
    ).join('');
    const bytes = zipOf([...workbookParts(), sheetPart(rowsXml)]);
    let last = performance.now();
    let longestGapMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 5);
    try {
      expect((await readAll(bytes)).length).toBe(30_000);
    } finally {
      clearInterval(timer);
    }
    // Each chunk parses in milliseconds; a reader that parsed the part in one go would take seconds.
    expect(longestGapMs).toBeLessThan(1000);
  }, 60_000);
});

describe('xlsxRows: bounds', () => {
  const refusal = async (bytes: Uint8Array, limits?: Partial<XlsxLimits>) => {
    const error = await readAll(bytes, limits).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    return (error as Error).message;
  };

  it('stops inflating a part at its limit and names it, whatever size the zip claims', async () => {
    const strings = stringsPart('<si><t>abcdefgh</t></si>'.repeat(10_000));
    const message = await refusal(
      zipOf([...workbookParts(), { ...strings, claimedSize: 10 }, sheetPart('')]),
      { sharedStringsPartBytes: 100_000 },
    );
    expect(message).toContain('xl/sharedStrings.xml');
    expect(message).toMatch(/more than/);
  });

  it('refuses more shared strings than its table may hold', async () => {
    const message = await refusal(
      zipOf([...workbookParts(), stringsPart('<si><t>abc</t></si>'.repeat(1001)), sheetPart('')]),
      { sharedStrings: { maxCount: 1000, maxBytes: 1e9 } },
    );
    expect(message).toContain('xl/sharedStrings.xml');
  });

  it('refuses a cell longer than the limit, naming the cell', async () => {
    const long = `<row r="1"><c r="C1" t="inlineStr"><is><t>${'x'.repeat(101)}</t></is></c></row>`;
    expect(
      await refusal(zipOf([...workbookParts(), sheetPart(long)]), { cellChars: 100 }),
    ).toContain('cell C1');
  });

  it('refuses the sheet past its inflated limit, deep nesting, rows out of bounds, and files that are no workbook', async () => {
    const rows = '<row><c><v>1</v></c></row>'.repeat(1000);
    expect(
      await refusal(zipOf([...workbookParts(), sheetPart(rows)]), { sheetBytes: 10_000 }),
    ).toContain('xl/worksheets/sheet1.xml');
    expect(
      await refusal(
        zipOf([...workbookParts(), sheetPart(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)]),
      ),
    ).toMatch(/deeper/);
    expect(await refusal(zipOf([...workbookParts(), sheetPart('<row r="1048577"/>')]))).toMatch(
      /1048576/,
    );
    expect(await refusal(new TextEncoder().encode('loan_id,name\nL1,x\n'))).toMatch(/zip/);
    expect(await refusal(zipOf([{ name: 'a.txt', data: 'x' }]))).toMatch(/workbook/);
    expect(await refusal(zipOf([...workbookParts(), sheetPart('<row><c>')]))).toMatch(
      /not well-formed/,
    );
  });

  it('leaves nothing in its folder when the caller stops reading early', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `<row><c><v>${i}</v></c></row>`).join('');
    const spoolPath = join(folder, 'early-stop.xlsx');
    const bytes = zipOf([...workbookParts(), sheetPart(many)]);
    for await (const batch of xlsxRows(
      (async function* () {
        yield bytes;
      })(),
      { spoolPath },
    )) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(readdirSync(folder).filter((name) => name.startsWith('early'))).toEqual([]);
  });
});
