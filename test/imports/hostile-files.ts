// Builders of hostile (and odd but legal) .xlsx files, written byte by byte so a test controls
// every part: what each zip entry claims, what it inflates to, and the order of the parts.
import { constants, deflateRawSync } from 'node:zlib';

/** One zip entry: its name and bytes, or raw deflate data already compressed (`deflated`). */
export interface ZipPart {
  name: string;
  data?: string | Uint8Array;
  /** Raw deflate data to store as is (the entry is method 8); `data` is then ignored. */
  deflated?: Uint8Array;
  /** The uncompressed size the headers claim; default the true one (0 for `deflated`). */
  claimedSize?: number;
  /** Stored as is (method 0), as some writers keep small parts. */
  stored?: boolean;
}

/** A zip file of `parts` in the given order, entries deflated (method 8) unless stored, no data descriptors. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = part.data === undefined ? Buffer.alloc(0) : Buffer.from(part.data);
    const compressed = part.deflated
      ? Buffer.from(part.deflated)
      : part.stored
        ? raw
        : deflateRawSync(raw);
    const method = part.stored ? 0 : 8;
    const size = part.claimedSize ?? (part.deflated ? 0 : raw.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 14); // CRC: not checked by readers that matter here
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * Raw deflate data that inflates to `head`, then `unit` repeated `times` times, then `tail`, built
 * without ever holding the inflated text: `unit` is compressed once with a full flush (which resets
 * the compressor's history), and that block repeated, so gigabytes of text cost kilobytes.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): Buffer {
  const flushed = (text: string) =>
    deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(unit);
  const blocks: Buffer[] = [flushed(head)];
  for (let i = 0; i < times; i++) blocks.push(block);
  blocks.push(deflateRawSync(Buffer.from(tail)));
  return Buffer.concat(blocks);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has besides its sheet and strings: content types, rels, workbook. */
export function workbookParts(sheetPath = 'worksheets/sheet1.xml'): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELS}"><sheets><sheet name="tape" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/worksheet" Target="${sheetPath}"/><Relationship Id="rId2" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
}

/** A sheet part's XML around `rowsXml` (`<row>` elements). */
export function sheetXml(rowsXml: string): string {
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowsXml}</sheetData></worksheet>`;
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A column letter from a 0-based index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A workbook as openpyxl writes it: the sheet first, then the shared strings, the workbook and
 * its rels last (a streaming reader meets the sheet before it knows the strings). Text cells are
 * inline strings (`t="inlineStr"`), numbers plain; no styles part.
 */
export function openpyxlStyleXlsx(
  rows: readonly (readonly (string | number | null)[])[],
): Uint8Array {
  const rowsXml = rows
    .map((cells, r) => {
      const cellsXml = cells
        .map((value, c) => {
          const ref = `${columnLetters(c)}${r + 1}`;
          if (value === null) return '';
          if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cellsXml}</row>`;
    })
    .join('');
  const [types, rootRels, workbook, workbookRels] = workbookParts();
  return zipOf([
    types!,
    rootRels!,
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rowsXml) },
    workbook!,
    {
      ...workbookRels!,
      data: String(workbookRels!.data).replace(/<Relationship Id="rId2"[^>]*\/>/, ''),
    },
  ]);
}

/**
 * A shared-strings bomb: a small file whose `xl/sharedStrings.xml` inflates to about
 * `inflatedBytes` of repeated strings (each `stringChars` long), while the headers claim it is
 * 1 KB. Long strings of one letter inflate about 900 to 1, as the 4.7 MB → 4.6 GB file of the
 * report; short strings repeated in 64 KB blocks (`blockBytes`) about 100 to 1, as a bomb made
 * to look like text would. The sheet references the first string only.
 */
export function sharedStringsBomb(
  inflatedBytes: number,
  { stringChars = 30_000, blockBytes = 1 << 20 } = {},
): Uint8Array {
  const unit = `<si><t>${'x'.repeat(stringChars)}</t></si>`.repeat(
    Math.max(1, Math.floor(blockBytes / (stringChars + 16))),
  );
  const times = Math.ceil(inflatedBytes / unit.length);
  const strings = repeatedDeflate(`${XML}<sst xmlns="${MAIN}">`, unit, times, '</sst>');
  return zipOf([
    ...workbookParts(),
    { name: 'xl/sharedStrings.xml', deflated: strings, claimedSize: 1024 },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
    },
  ]);
}

/** A sheet bomb: a sheet whose one cell's text inflates to about `inflatedBytes` with no tag in it. */
export function longCellBomb(inflatedBytes: number): Uint8Array {
  const unit = 'a'.repeat(65536);
  const sheet = repeatedDeflate(
    `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
    unit,
    Math.ceil(inflatedBytes / unit.length),
    '</t></is></c></row></sheetData></worksheet>',
  );
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
}

/** A sheet bomb of empty cells: `<c/>` repeated, about 1000 to 1, costing parsing time rather than memory. */
export function emptyCellsBomb(inflatedBytes: number): Uint8Array {
  const unit = `<row>${'<c/>'.repeat(4000)}</row>`.repeat(64);
  const sheet = repeatedDeflate(
    `${XML}<worksheet xmlns="${MAIN}"><sheetData>`,
    unit,
    Math.ceil(inflatedBytes / unit.length),
    '</sheetData></worksheet>',
  );
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: sheet }]);
}
