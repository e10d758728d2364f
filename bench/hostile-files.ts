import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ByteSink, ZipWriter } from '../src/xlsx';

// Hostile inputs for the `hostile` bench, generated on the fly into files (never whole in memory):
// each is small on the wire, or plain big, and aims at a reader's memory or its event loop.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAPE_HEADER =
  'loan_id,borrower_name,national_id,product,origination_date,original_principal,principal_balance';
const MB = 1024 * 1024;

/**
 * Writes about `total` bytes of `piece` repeated (whole pieces only, so XML stays well formed), in
 * chunks of about 1 MB, waiting for the output to drain.
 */
async function repeat(write: (chunk: Buffer) => Promise<void>, piece: string, total: number) {
  const chunk = Buffer.from(piece.repeat(Math.floor(MB / piece.length)));
  const size = Buffer.byteLength(piece);
  for (let written = 0; written < total; written += chunk.length) {
    const left = Math.floor((total - written) / size) * size;
    await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  }
}

async function writeTo(output: WriteStream, chunk: Buffer | string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

async function closed(output: WriteStream): Promise<void> {
  output.end();
  await once(output, 'close');
}

/** An .xlsx of the parts a reader needs, `bomb` being one huge part written by `fill`. */
async function workbookWith(
  path: string,
  bomb: { name: string; before: string; after: string; piece: string; bytes: number },
  sheetXml: string | undefined,
): Promise<void> {
  const sink = new ByteSink(createWriteStream(path));
  const zip = new ZipWriter(sink, { compressionLevel: 9, modifiedAt: new Date(0) });
  await zip.addFile(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  await zip.addFile(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  await zip.addFile(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tape" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  await zip.addFile(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  const entry = await zip.openEntry(bomb.name);
  await entry.write(Buffer.from(bomb.before));
  await repeat((chunk) => entry.write(chunk), bomb.piece, bomb.bytes);
  await entry.write(Buffer.from(bomb.after));
  await entry.end();
  if (sheetXml !== undefined) await zip.addFile('xl/worksheets/sheet1.xml', sheetXml);
  await zip.finish();
  await sink.end();
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';
const headerRow = `<row r="1">${TAPE_HEADER.split(',')
  .map(
    (name, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${name}</t></is></c>`,
  )
  .join('')}</row>`;

/**
 * A shared-strings bomb: `inflatedBytes` of tiny shared strings (`<si><t>x</t></si>`, millions of
 * them) deflated to a few hundred KB, before a one-row sheet. A reader that caches the table holds
 * every string as an object.
 */
export function sharedStringsBomb(path: string, inflatedBytes: number): Promise<void> {
  return workbookWith(
    path,
    {
      name: 'xl/sharedStrings.xml',
      before:
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      after: '</sst>',
      piece: '<si><t>x</t></si>',
      bytes: inflatedBytes,
    },
    `${SHEET_OPEN}${headerRow}${SHEET_CLOSE}`,
  );
}

/**
 * A whitespace bomb: a sheet whose one data cell is `inflatedBytes` of spaces (deflated to a few
 * hundred KB). A reader that builds the cell's text holds it whole, and a check that trims it
 * makes another copy.
 */
export function whitespaceBomb(path: string, inflatedBytes: number): Promise<void> {
  return workbookWith(
    path,
    {
      name: 'xl/worksheets/sheet1.xml',
      before: `${SHEET_OPEN}${headerRow}<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">`,
      after: `</t></is></c></row>${SHEET_CLOSE}`,
      piece: ' ',
      bytes: inflatedBytes,
    },
    undefined,
  );
}

/** A CSV tape whose second line is one quoted field of `lineBytes` characters. */
export async function longLineCsv(path: string, lineBytes: number): Promise<void> {
  const output = createWriteStream(path);
  await writeTo(output, `${TAPE_HEADER}\n"`);
  await repeat((chunk) => writeTo(output, chunk), 'A', lineBytes);
  await writeTo(output, '",n,110101199003071234,p,2024-01-01,1,1\n');
  await closed(output);
}

/**
 * A multipart form whose `file` field is a CSV of `fileBytes` that is no tape (its header names
 * none of the columns): what it tests is the upload's way in — to disk, hashed, read back — not
 * the checks, which for 600 MB of bad rows would take many minutes. Its boundary, for the
 * Content-Type.
 */
export async function bigMultipart(path: string, fileBytes: number): Promise<string> {
  const boundary = '----hostile-bench-boundary';
  const output = createWriteStream(path);
  await writeTo(
    output,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tape.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\nwhat,ever,columns\n`,
  );
  await repeat(
    (chunk) => writeTo(output, chunk),
    'L1,name,not-an-id,p,2024-13-01,1,1\n',
    fileBytes,
  );
  await writeTo(output, `\r\n--${boundary}--\r\n`);
  await closed(output);
  return boundary;
}
