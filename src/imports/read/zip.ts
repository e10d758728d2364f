import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { WorkbookError } from './workbook-error';

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) and the longest comment it may carry. */
const END_SEARCH_BYTES = 22 + 0xffff;
/** An .xlsx has a few dozen parts; a directory of more is not a workbook worth reading. */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** One file of the archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedBytes: number;
  /** What the directory claims; never trusted as a bound: inflated bytes are counted. */
  claimedBytes: number;
  localHeaderOffset: number;
}

/** A zip part inflated to more bytes than its reader allows. */
export class PartTooLargeError extends WorkbookError {
  constructor(
    readonly part: string,
    readonly limitBytes: number,
  ) {
    super(
      `the workbook part ${part} inflates to more than ${formatBytes(limitBytes)}, more than the platform reads from one part; split the file or save it again without unused content`,
    );
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3
    ? `${bytes / 1024 ** 3} GiB`
    : bytes >= 1024 ** 2
      ? `${bytes / 1024 ** 2} MiB`
      : `${bytes} bytes`;
}

/** A zip part inflated to far more than its compressed size allows for its kind of content. */
export class PartRatioError extends WorkbookError {
  constructor(
    readonly part: string,
    readonly maxRatio: number,
  ) {
    super(
      `the workbook part ${part} inflates to more than ${maxRatio} times its compressed size, which its content never does in a real workbook; the file is refused as a zip bomb`,
    );
  }
}

/** How much a part must have inflated before its ratio is judged: small parts compress unevenly. */
const RATIO_CHECK_FROM_BYTES = 4 * 1024 * 1024;

/**
 * A zip archive in a file, read by random access (APPNOTE.TXT 6.3.10): the central directory at
 * its end lists the parts, each part is inflated as a stream from its own offset. Nothing is
 * held whole in memory, nothing is written anywhere, and each part's inflated bytes are counted
 * as they come out, so a part that claims 1 KB and inflates to gigabytes stops at its reader's
 * limit rather than at the end of memory.
 */
export class ZipFile {
  private constructor(
    private readonly path: string,
    private readonly file: FileHandle,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Opens the archive and reads its central directory. @throws WorkbookError when it is not a zip. */
  static async open(path: string): Promise<ZipFile> {
    const file = await open(path, 'r');
    try {
      const entries = await readDirectory(file);
      return new ZipFile(path, file, entries);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** The part of this name (OPC names are case-insensitive; a leading slash is ignored). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /**
   * The inflated bytes of a part, chunk by chunk (at most 64 KB each).
   * @throws PartTooLargeError once more than `limitBytes` came out; PartRatioError once, past the
   *   first 4 MB, more than `maxRatio` bytes came out per compressed byte; WorkbookError when the part
   *   is missing, encrypted, compressed by another method than deflate, or its data is corrupt.
   */
  async *inflate(
    partName: string,
    limitBytes: number,
    maxRatio = Infinity,
  ): AsyncGenerator<Buffer> {
    const entry = this.entry(partName);
    if (!entry) throw new WorkbookError(`the workbook has no part ${partName}`);
    const name = entry.name;
    if (entry.flags & 1)
      throw new WorkbookError(`the workbook is encrypted (${name}); save it without a password`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new WorkbookError(`the workbook part ${name} uses an unknown compression method`);
    const start = await this.dataStart(entry);
    const raw = createReadStream(this.path, {
      start,
      end: start + entry.compressedBytes - 1,
      highWaterMark: 1 << 16,
    });
    const inflater = entry.method === 8 ? createInflateRaw({ chunkSize: 1 << 16 }) : undefined;
    const stream: Readable = inflater ? pipeline(raw, inflater, () => {}) : raw;
    let inflated = 0;
    try {
      if (entry.compressedBytes === 0) return;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        if (inflated > limitBytes) throw new PartTooLargeError(name, limitBytes);
        // bytesWritten: the compressed bytes the inflater has taken in so far.
        if (
          inflater &&
          inflated > RATIO_CHECK_FROM_BYTES &&
          inflated > maxRatio * inflater.bytesWritten
        )
          throw new PartRatioError(name, maxRatio);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(
        `the workbook part ${name} is damaged (${error instanceof Error ? error.message : String(error)})`,
      );
    } finally {
      stream.destroy();
      raw.destroy();
    }
  }

  /** Where a part's data starts: after its local header, whose name and extra field lengths may differ from the directory's. */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await readAt(this.file, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
      throw new WorkbookError(`the workbook part ${entry.name} is damaged (no local header)`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const notAZip = () =>
  new WorkbookError('the file is not a readable .xlsx workbook (it is not a zip archive)');

async function readDirectory(file: FileHandle): Promise<Map<string, ZipEntry>> {
  const size = (await file.stat()).size;
  const tailStart = Math.max(0, size - END_SEARCH_BYTES);
  const tail = await readAt(file, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  if (end < 0) throw notAZip();
  let count = tail.readUInt16LE(end + 10);
  let directoryBytes = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_END_LOCATOR) throw notAZip();
    const zip64End = Number(tail.readBigUInt64LE(locator + 8));
    const record = await readAt(file, zip64End, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) throw notAZip();
    count = Number(record.readBigUInt64LE(32));
    directoryBytes = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES || directoryBytes > MAX_DIRECTORY_BYTES)
    throw new WorkbookError(
      `the workbook has ${count} parts in a ${directoryBytes}-byte directory, more than a workbook has`,
    );
  if (directoryOffset + directoryBytes > size) throw notAZip();
  const directory = await readAt(file, directoryOffset, directoryBytes);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw notAZip();
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString(
      flags & 0x800 ? 'utf8' : 'latin1',
      at + 46,
      at + 46 + nameLength,
    );
    const entry: ZipEntry = {
      name,
      flags,
      method: directory.readUInt16LE(at + 10),
      compressedBytes: directory.readUInt32LE(at + 20),
      claimedBytes: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(
      directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      entry,
    );
    if (entry.localHeaderOffset + entry.compressedBytes > size) throw notAZip();
    // Parts are named without a leading slash; some writers add one, and names are case-insensitive in OPC.
    entries.set(name.replace(/^\//, '').toLowerCase(), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The zip64 extra field (0x0001) holds, in order, whichever of the sizes and the offset are 0xFFFFFFFF. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw notAZip();
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.claimedBytes === 0xffffffff) entry.claimedBytes = next();
      if (entry.compressedBytes === 0xffffffff) entry.compressedBytes = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}
