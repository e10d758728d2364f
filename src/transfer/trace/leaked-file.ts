import { createReadStream } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
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
 * The longest piece of text (a CSV line, a row's or a shared string's XML) held at once: a leaked
 * file is hostile input, and a 10 MB line or a shared-strings bomb must not become a string. Of a
 * longer piece only its start is kept (enough for a first column) and its text scanned for marks
 * as it streams.
 */
const MAX_PIECE_CHARS = 256 * 1024;
/** The workbook's small parts (its sheet list, its relationships, its properties). */
const MAX_PART_BYTES = 4 * 1024 * 1024;
/**
 * Shared strings are scanned for marks until the tape's references are found and at least this
 * many were read: Excel numbers them in order of first use, and the Read-me that carries the mark
 * is the first sheet.
 */
const MIN_SHARED_STRINGS_SCANNED = 100_000;

/**
 * Reads a leaked data room from a file on disk, as an .xlsx (as we wrote it, or saved again by
 * Excel or LibreOffice, which move text to the shared-string table) or as a CSV export of its loan
 * tape. The file is streamed, never read whole: memory stays bounded whatever its size.
 * @throws Error for a file that is neither
 */
export async function readLeakedFile(path: string): Promise<LeakedFile> {
  const head = Buffer.alloc(2);
  const handle = await openFile(path, 'r');
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const zip = await openZip(path);
    try {
      return await readWorkbook(zip);
    } finally {
      zip.close();
    }
  }
  return readCsv(path);
}

async function readCsv(path: string): Promise<LeakedFile> {
  const marks = new MarkScanner();
  const references: string[] = [];
  let line = 0;
  await forEachPiece(createReadStream(path), '\n', marks, (text) => {
    // The header is line 0; every line is still scanned for marks.
    if (line++ === 0 || line > MAX_REFERENCES + 1) return true;
    const field = firstCsvField(text.replace(/\r$/, ''));
    if (field !== '') references.push(field);
    return true;
  });
  return { format: 'csv', propertyFingerprint: undefined, hiddenMarks: marks.found(), references };
}

async function readWorkbook(zip: OpenZip): Promise<LeakedFile> {
  const custom = await zip.text('docProps/custom.xml');
  const propertyFingerprint = custom
    ? /name="DataRoomCopy"[^>]*>\s*<vt:lpwstr>([0-9a-f]{8})<\/vt:lpwstr>/.exec(custom)?.[1]
    : undefined;
  const marks = new MarkScanner();
  const sheets = await sheetPaths(zip);
  for (const { path } of sheets) await forEachRow(zip, path, 200, marks, () => {});
  const tape = sheets.find((sheet) => TAPE_SHEET.test(sheet.name));
  const cells = tape ? await firstColumn(zip, tape.path) : [];
  const wanted = new Set(cells.filter((cell) => cell.shared).map((cell) => Number(cell.raw)));
  const shared = await sharedStrings(zip, wanted, marks);
  return {
    format: 'xlsx',
    propertyFingerprint,
    hiddenMarks: marks.found(),
    references: cells.map((cell) =>
      cell.shared ? (shared.get(Number(cell.raw)) ?? '') : cell.raw,
    ),
  };
}

/** The worksheets' names and paths inside the package, in workbook order. */
async function sheetPaths(zip: OpenZip): Promise<{ name: string; path: string }[]> {
  const workbook = (await zip.text('xl/workbook.xml')) ?? '';
  const relationships = (await zip.text('xl/_rels/workbook.xml.rels')) ?? '';
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

/**
 * The shared strings the tape's first column names (`wanted`), each scanned for marks on the way;
 * reading stops once they are all found and `MIN_SHARED_STRINGS_SCANNED` were read.
 */
async function sharedStrings(
  zip: OpenZip,
  wanted: ReadonlySet<number>,
  marks: MarkScanner,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const stream = await zip.stream('xl/sharedStrings.xml');
  if (!stream) return found;
  let index = 0;
  await forEachPiece(stream, '</si>', marks, (xml) => {
    const at = xml.indexOf('<si>');
    if (at < 0) return true;
    if (wanted.has(index)) {
      const texts = [...xml.slice(at).matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)];
      found.set(index, unescapeXml(texts.map((t) => t[1]!).join('')));
    }
    index += 1;
    return found.size < wanted.size || index < MIN_SHARED_STRINGS_SCANNED;
  });
  return found;
}

/** Streams a worksheet's XML row by row (never the whole sheet in memory), stopping after `maxRows`. */
async function forEachRow(
  zip: OpenZip,
  path: string,
  maxRows: number,
  marks: MarkScanner,
  onRow: (rowXml: string) => void,
): Promise<void> {
  const stream = await zip.stream(path);
  if (!stream) return;
  let rows = 0;
  await forEachPiece(stream, '</row>', marks, (row) => {
    onRow(row);
    return ++rows < maxRows;
  });
}

/** The first column's cells below the header: inline text, or the index of a shared string. */
async function firstColumn(
  zip: OpenZip,
  path: string,
): Promise<{ shared: boolean; raw: string }[]> {
  const cells: { shared: boolean; raw: string }[] = [];
  let header = true;
  await forEachRow(zip, path, MAX_REFERENCES + 1, new MarkScanner(), (row) => {
    const cell = /<c\b([^>]*?r="A\d+"[^>]*)>([\s\S]*?)<\/c>/.exec(row);
    if (header || !cell) return void (header = false);
    const type = /\bt="(\w+)"/.exec(cell[1]!)?.[1];
    const raw = /<(?:t|v)[^>]*>([\s\S]*?)<\/(?:t|v)>/.exec(cell[2]!)?.[1] ?? '';
    cells.push(type === 's' ? { shared: true, raw } : { shared: false, raw: unescapeXml(raw) });
  });
  return cells;
}

/**
 * Cuts a stream of text into pieces ending at `separator` and hands each to `onPiece` (which
 * answers whether to go on); every byte's text is also scanned for hidden marks. A piece longer
 * than `MAX_PIECE_CHARS` is handed on cut to that length, the rest of it skipped.
 */
async function forEachPiece(
  stream: Readable,
  separator: string,
  marks: MarkScanner,
  onPiece: (piece: string) => boolean,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skipping = false;
  try {
    for await (const chunk of stream) {
      const text = decoder.write(chunk as Buffer);
      marks.scan(text);
      pending += text;
      let end: number;
      while ((end = pending.indexOf(separator)) >= 0) {
        const piece = pending.slice(0, end);
        pending = pending.slice(end + separator.length);
        if (skipping) {
          skipping = false;
          continue;
        }
        if (!onPiece(piece)) return;
      }
      if (pending.length > MAX_PIECE_CHARS) {
        if (!skipping && !onPiece(pending.slice(0, MAX_PIECE_CHARS))) return;
        skipping = true;
        pending = '';
      }
    }
    const rest = pending + decoder.end();
    if (rest !== '' && !skipping) onPiece(rest);
  } finally {
    stream.destroy();
  }
}

/** Finds hidden marks in text that arrives in chunks (a mark may straddle two). */
class MarkScanner {
  private readonly marks = new Set<string>();
  private carry = '';

  scan(text: string): void {
    const window = this.carry + text;
    // Only text with a word joiner can hold a mark: most chunks are skipped at the cost of a search.
    if (window.includes('\u2060')) for (const mark of readHiddenMarks(window)) this.marks.add(mark);
    this.carry = window.slice(-64);
  }

  found(): string[] {
    return [...this.marks];
  }
}

interface OpenZip {
  /** A small part's text (at most `MAX_PART_BYTES`), undefined when the package has no such part. */
  text(name: string): Promise<string | undefined>;
  /** A part's inflated bytes as a stream, undefined when the package has no such part. */
  stream(name: string): Promise<Readable | undefined>;
  close(): void;
}

/** Opens a zip on disk by its central directory (random access: the file is never read whole). */
async function openZip(path: string): Promise<OpenZip> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  const stream = async (name: string) => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    return new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
  };
  return {
    stream,
    async text(name) {
      const opened = await stream(name);
      if (!opened) return undefined;
      const chunks: Buffer[] = [];
      let bytes = 0;
      try {
        for await (const chunk of opened) {
          bytes += (chunk as Buffer).length;
          if (bytes > MAX_PART_BYTES)
            throw new Error(`${name} is larger than ${MAX_PART_BYTES} bytes`);
          chunks.push(chunk as Buffer);
        }
      } finally {
        opened.destroy();
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => zip.close(),
  };
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
