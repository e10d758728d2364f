import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { readHiddenMarks } from './fingerprint';

/** What a leaked copy still says about where it came from. */
export interface LeakedFile {
  format: 'xlsx' | 'csv';
  /** The `DataRoomCopy` document property, when the file kept it. */
  propertyFingerprint: string | undefined;
  /** Fingerprints hidden in its text (`hiddenMark`). */
  hiddenMarks: string[];
  /** The first column of the loan tape, in the file's order (at most `MAX_REFERENCES`). */
  references: string[];
}

/** Enough rows to attribute a copy by its row order many times over, without reading a million. */
const MAX_REFERENCES = 20_000;
const TAPE_SHEET = /^Loan tape/;

/**
 * Reads a leaked data room, as an .xlsx (as we wrote it, or saved again by Excel or LibreOffice,
 * which move text to the shared-string table) or as a CSV export of its loan tape.
 * @throws Error for a file that is neither
 */
export async function readLeakedFile(bytes: Uint8Array): Promise<LeakedFile> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readWorkbook(await JSZip.loadAsync(bytes));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const lines = text.split(/\r?\n/).slice(1, MAX_REFERENCES + 1);
  return {
    format: 'csv',
    propertyFingerprint: undefined,
    hiddenMarks: readHiddenMarks(text),
    references: lines.map(firstCsvField).filter((value) => value !== ''),
  };
}

async function readWorkbook(zip: JSZip): Promise<LeakedFile> {
  const custom = await zip.file('docProps/custom.xml')?.async('string');
  const propertyFingerprint = custom
    ? /name="DataRoomCopy"[^>]*>\s*<vt:lpwstr>([0-9a-f]{8})<\/vt:lpwstr>/.exec(custom)?.[1]
    : undefined;
  const sharedStrings = await readSharedStrings(zip);
  const sheets = await sheetPaths(zip);
  const hiddenMarks = [
    ...sharedStrings.flatMap(readHiddenMarks),
    ...(
      await Promise.all(
        sheets.map(async ({ path }) => readHiddenMarks(await firstRowsText(zip, path, 200))),
      )
    ).flat(),
  ];
  const tape = sheets.find((sheet) => TAPE_SHEET.test(sheet.name));
  const references = tape ? await firstColumn(zip, tape.path, sharedStrings) : [];
  return {
    format: 'xlsx',
    propertyFingerprint,
    hiddenMarks: [...new Set(hiddenMarks)],
    references,
  };
}

/** The worksheets' names and paths inside the package, in workbook order. */
async function sheetPaths(zip: JSZip): Promise<{ name: string; path: string }[]> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const relationships = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map(
    [...relationships.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      attribute(m[0], 'Id'),
      attribute(m[0], 'Target'),
    ]),
  );
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attribute(m[0], 'r:id')) ?? '';
    return {
      name: unescapeXml(attribute(m[0], 'name')),
      path: target.startsWith('/') ? target.slice(1) : `xl/${target}`,
    };
  });
}

async function readSharedStrings(zip: JSZip): Promise<string[]> {
  const xml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
}

/** Streams a worksheet's XML row by row (never the whole sheet in memory), stopping after `maxRows`. */
async function forEachRow(
  zip: JSZip,
  path: string,
  maxRows: number,
  onRow: (rowXml: string) => void,
): Promise<void> {
  const file = zip.file(path);
  if (!file) return;
  let pending = '';
  let rows = 0;
  // JSZip's stream is an old-style one: wrapped, it can be iterated (and paused when we stop early).
  for await (const chunk of new Readable({ read() {} }).wrap(file.nodeStream('nodebuffer'))) {
    pending += (chunk as Buffer).toString('utf8');
    let end: number;
    while ((end = pending.indexOf('</row>')) >= 0) {
      onRow(pending.slice(0, end));
      pending = pending.slice(end + 6);
      if (++rows >= maxRows) return;
    }
  }
}

async function firstRowsText(zip: JSZip, path: string, maxRows: number): Promise<string> {
  const rows: string[] = [];
  await forEachRow(zip, path, maxRows, (row) => rows.push(row));
  return unescapeXml(rows.join(''));
}

/** The first column's values below the header, inline or shared strings alike. */
async function firstColumn(
  zip: JSZip,
  path: string,
  sharedStrings: readonly string[],
): Promise<string[]> {
  const values: string[] = [];
  let header = true;
  await forEachRow(zip, path, MAX_REFERENCES + 1, (row) => {
    const cell = /<c\b([^>]*?r="A\d+"[^>]*)>([\s\S]*?)<\/c>/.exec(row);
    if (header || !cell) return void (header = false);
    const type = /\bt="(\w+)"/.exec(cell[1]!)?.[1];
    const raw = /<(?:t|v)[^>]*>([\s\S]*?)<\/(?:t|v)>/.exec(cell[2]!)?.[1] ?? '';
    values.push(type === 's' ? (sharedStrings[Number(raw)] ?? '') : unescapeXml(raw));
  });
  return values;
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) =>
    entity === 'lt'
      ? '<'
      : entity === 'gt'
        ? '>'
        : entity === 'quot'
          ? '"'
          : entity === 'apos'
            ? "'"
            : entity === 'amp'
              ? '&'
              : String.fromCodePoint(
                  entity.startsWith('#x')
                    ? Number.parseInt(entity.slice(2), 16)
                    : Number(entity.slice(1)),
                ),
  );
}

function firstCsvField(line: string): string {
  if (!line.startsWith('"')) return line.split(',')[0]!.trim();
  const end = line.indexOf('"', 1);
  return line.slice(1, end < 0 ? undefined : end);
}
