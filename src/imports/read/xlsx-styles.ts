import { readXml } from './xml-stream';
import { SMALL_PART_BYTES } from './xlsx-package';
import type { ZipFile } from './zip';

/** Excel keeps at most 64,000 cell formats; styles past that are read as not dates. */
const MAX_CELL_STYLES = 65_536;

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
