import { readXml } from './xml-stream';
import { WorkbookError } from './workbook-error';
import type { ZipFile } from './zip';

/** Strings are packed into blocks of this size; a string never spans two (a cell's text is < 128 KB). */
const BLOCK_BYTES = 1 << 20;

/** What the shared-strings table may hold: the bound on the memory a workbook's strings take. */
export interface SharedStringLimits {
  /** Total UTF-8 bytes of the strings. */
  maxBytes: number;
  /** Number of strings (each costs 8 bytes of index besides its text). */
  maxCount: number;
}

/**
 * A workbook's shared-strings table (`xl/sharedStrings.xml`), which cells reference by position:
 * kept packed as UTF-8 in 1 MB blocks with two 32-bit numbers per string, about a third of what
 * the same strings cost as JavaScript strings, and refused past its limits rather than grown
 * without end (exceljs' reader kept every string as an object; a 4.7 MB file expanding to 4.6
 * GB of strings took the server down). A 1,000,000-loan tape with four distinct texts a row
 * (loan id, name, national id, phone) needs about 80 MB.
 */
export class SharedStrings {
  private readonly blocks: Buffer[] = [];
  private used = BLOCK_BYTES;
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private totalBytes = 0;
  count = 0;

  constructor(private readonly limits: SharedStringLimits) {}

  /** @throws WorkbookError past the limits */
  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.totalBytes += bytes;
    if (this.count >= this.limits.maxCount || this.totalBytes > this.limits.maxBytes)
      throw new WorkbookError(
        `the workbook part xl/sharedStrings.xml holds more text than the platform reads (over ${this.limits.maxCount.toLocaleString('en')} strings or ${Math.round(this.limits.maxBytes / 1024 ** 2)} MB); split the file`,
      );
    if (this.used + bytes > BLOCK_BYTES) {
      this.blocks.push(Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes)));
      this.used = 0;
    }
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
    }
    const block = this.blocks.length - 1;
    this.blocks[block]!.write(text, this.used, 'utf8');
    // A string's start as block * BLOCK_BYTES + offset: below 2^32 for up to 4,096 blocks.
    this.starts[this.count] = block * BLOCK_BYTES + this.used;
    this.lengths[this.count] = bytes;
    this.used += bytes;
    this.count++;
  }

  /** The string at `index`, or undefined when the table has no such string. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const start = this.starts[index]!;
    const block = this.blocks[Math.floor(start / BLOCK_BYTES)]!;
    const offset = start % BLOCK_BYTES;
    return block.toString('utf8', offset, offset + this.lengths[index]!);
  }
}

function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
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
