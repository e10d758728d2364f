import { posix } from 'node:path';
import { readXml } from './xml-stream';
import { SharedStrings, type SharedStringLimits } from './shared-strings';
import { WorkbookError } from './workbook-error';
import type { ZipFile } from './zip';

/** Most any small part of a workbook (rels, workbook.xml, styles) may inflate to. */
export const SMALL_PART_BYTES = 16 * 1024 * 1024;
/** Excel keeps at most 64,000 cell formats; styles past that are read as not dates. */
const MAX_CELL_STYLES = 65_536;

/** Where the first worksheet and its companions are, and how its numbers read as dates. */
export interface WorkbookPackage {
  sheetPart: string;
  sharedStringsPart?: string;
  stylesPart?: string;
  /** The 1904 date system (old Mac Excel): serial 0 is 1904-01-01. */
  date1904: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A part's relationships (`_rels/<name>.rels`), targets resolved against the part's folder. */
async function relationshipsOf(zip: ZipFile, part: string): Promise<Relationship[]> {
  const folder = posix.dirname(part);
  const relsPart = posix.join(folder, '_rels', `${posix.basename(part)}.rels`);
  if (!zip.entry(relsPart)) return [];
  const found: Relationship[] = [];
  await readXml(relsPart, zip.inflate(relsPart, SMALL_PART_BYTES), {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const target = attributes.Target ?? '';
      found.push({
        id: attributes.Id ?? '',
        type: attributes.Type ?? '',
        target: target.startsWith('/') ? target.slice(1) : posix.join(folder, target),
      });
    },
    close() {},
    text() {},
  });
  return found;
}

const ofType = (relationships: Relationship[], type: string) =>
  relationships.find((relationship) => relationship.type.endsWith(`/${type}`));

/**
 * Finds the first worksheet as Excel shows it (the first `<sheet>` of workbook.xml, through the
 * workbook's relationships), not the first in the zip: writers order parts as they like
 * (openpyxl writes the sheets before the workbook and the strings).
 */
export async function readPackage(zip: ZipFile): Promise<WorkbookPackage> {
  const root = await relationshipsOf(zip, '');
  const workbookPart = ofType(root, 'officeDocument')?.target ?? 'xl/workbook.xml';
  if (!zip.entry(workbookPart))
    throw new WorkbookError('the file is not a readable .xlsx workbook (it has no workbook part)');
  let firstSheetId: string | undefined;
  let date1904 = false;
  await readXml(workbookPart, zip.inflate(workbookPart, SMALL_PART_BYTES), {
    open(name, attributes) {
      if (name === 'workbookPr')
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet' && firstSheetId === undefined)
        firstSheetId =
          Object.entries(attributes).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1] ??
          '';
    },
    close() {},
    text() {},
  });
  const relationships = await relationshipsOf(zip, workbookPart);
  const sheetPart = relationships.find((relationship) => relationship.id === firstSheetId)?.target;
  if (!sheetPart || !zip.entry(sheetPart)) throw new WorkbookError('the workbook has no worksheet');
  const sharedStringsPart = ofType(relationships, 'sharedStrings')?.target;
  const stylesPart = ofType(relationships, 'styles')?.target;
  return {
    sheetPart,
    date1904,
    ...(sharedStringsPart && zip.entry(sharedStringsPart) ? { sharedStringsPart } : {}),
    ...(stylesPart && zip.entry(stylesPart) ? { stylesPart } : {}),
  };
}

/** Number formats built into Excel that show a date or time (ECMA-376 §18.8.30, and the CJK ones 27–36, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a custom number format shows a date: it has a date or time letter once quoted text,
 * escaped characters, padding and fill (`_x`, `*x`) and bracketed parts (colours, conditions,
 * locales) are taken out. The rule exceljs applied, so numbers read as before.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhsb]/i.test(bare);
}

/** Which cell styles (`s`, an index into cellXfs) show their number as a date. */
export async function readDateStyles(zip: ZipFile, part: string): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const formatOfStyle: number[] = [];
  let inCellXfs = false;
  await readXml(part, zip.inflate(part, SMALL_PART_BYTES), {
    open(name, attributes) {
      if (name === 'numFmt')
        customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs && formatOfStyle.length < MAX_CELL_STYLES)
        formatOfStyle.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formatOfStyle.map((id) => {
    const custom = customFormats.get(id);
    return custom === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(custom);
  });
}

/**
 * Text as Excel means it: OOXML strings escape characters XML cannot carry (a carriage return,
 * control characters) as `_xHHHH_` (ECMA-376 §22.9.2.19, ST_Xstring), and `_x005F_` escapes the
 * underscore of a literal `_xHHHH_`; exceljs decoded them too.
 */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Most a shared-strings part may inflate to (its markup is about half of it for short strings). */
export const SHARED_STRINGS_PART_BYTES = 512 * 1024 * 1024;
/**
 * Shared strings are distinct by definition (a repeated text is stored once): a tape's compress
 * about 10 to 1 (12 for 200,000 sequential ids and names), long near-identical remarks perhaps 50
 * to 1 (deflate's longest match is 258 bytes). Past 250 to 1 it is repetition, the mark of a zip
 * bomb (about 1000 to 1), refused after the first 4 MB instead of after filling the table.
 */
const SHARED_STRINGS_MAX_RATIO = 250;
export const defaultSharedStringLimits: SharedStringLimits = {
  maxBytes: 128 * 1024 * 1024,
  maxCount: 8_000_000,
};

/**
 * Reads the shared-strings table: each `<si>` is one string, the text of its `<t>` elements
 * (plain, or rich-text runs `<r><t>…</t></r>` joined), leaving out phonetic guides (`<rPh>`, the
 * furigana Japanese Excel adds), as Excel shows the cell.
 */
export async function readSharedStrings(
  zip: ZipFile,
  part: string,
  limits: SharedStringLimits,
  partLimitBytes: number,
  maxCellChars: number,
): Promise<SharedStrings> {
  const strings = new SharedStrings(limits);
  let text = '';
  let inT = false;
  let phonetic = 0;
  await readXml(part, zip.inflate(part, partLimitBytes, SHARED_STRINGS_MAX_RATIO), {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.add(unescapeXstring(text));
    },
    text(chunk) {
      if (!inT) return;
      text += chunk;
      if (text.length > maxCellChars)
        throw new WorkbookError(
          `shared string ${strings.count} in ${part} is longer than a cell may be (${maxCellChars} characters)`,
        );
    },
  });
  return strings;
}
