import { posix } from 'node:path';
import { readXml } from './xml-stream';
import { WorkbookError } from './workbook-error';
import type { ZipFile } from './zip';

/** Most any small part of a workbook (rels, workbook.xml, styles) may inflate to. */
export const SMALL_PART_BYTES = 16 * 1024 * 1024;

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
