import { once } from 'node:events';
import { createDeflateRaw, crc32, type ZlibOptions } from 'node:zlib';
import type { ByteSink } from './byte-sink';

/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3): each entry is deflated as it is written, its CRC-32
 * and sizes follow it in a data descriptor (flag bit 3), and the central directory closes the file.
 * Nothing of an entry is kept but its 16-byte record for the directory.
 *
 * No zip64: every size and offset must fit in 32 bits. A million-row loan tape is about 1.1 GB of
 * XML, well under the 4 GiB limit, which is asserted rather than assumed.
 */

const ZIP32_LIMIT = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;
/** Data descriptor (bit 3) + UTF-8 names (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** Version 2.0: deflate and data descriptors. */
const VERSION = 20;
/** zlib's output pieces, and how much input it may queue before `write` waits: big, so deflating overlaps building XML. */
const DEFLATE_CHUNK_BYTES = 1 << 16;
const DEFLATE_QUEUE_BYTES = 1 << 20;

interface DirectoryRecord {
  name: Buffer;
  crc: number;
  compressedBytes: number;
  bytes: number;
  offset: number;
}

/** An entry being written: `write` resolves at once unless zlib's queue is full. */
export interface ZipEntry {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

export interface ZipOptions {
  /** zlib level 1 (fastest) to 9 (smallest). */
  compressionLevel: number;
  /** The entries' modification time, stored as an MS-DOS date and time (UTC here). */
  modifiedAt: Date;
}

export class ZipWriter {
  private readonly records: DirectoryRecord[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(
    private readonly sink: ByteSink,
    private readonly options: ZipOptions,
  ) {
    const at = options.modifiedAt;
    this.dosTime = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
    this.dosDate =
      (Math.max(0, at.getUTCFullYear() - 1980) << 9) |
      ((at.getUTCMonth() + 1) << 5) |
      at.getUTCDate();
  }

  /** Adds a whole entry at once. */
  async addFile(name: string, content: string): Promise<void> {
    const entry = await this.openEntry(name);
    await entry.write(Buffer.from(content, 'utf8'));
    await entry.end();
  }

  /** Opens an entry; it must be ended before the next is opened. */
  async openEntry(name: string): Promise<ZipEntry> {
    if (this.records.length >= MAX_ENTRIES)
      throw new RangeError(`a zip without zip64 holds at most ${MAX_ENTRIES} entries`);
    const record: DirectoryRecord = {
      name: Buffer.from(name, 'utf8'),
      crc: 0,
      compressedBytes: 0,
      bytes: 0,
      offset: this.sink.offset,
    };
    await this.sink.write(this.localHeader(record));
    // zlib streams take the Transform options too, though ZlibOptions does not list them.
    const deflateOptions: ZlibOptions & { writableHighWaterMark: number } = {
      level: this.options.compressionLevel,
      chunkSize: DEFLATE_CHUNK_BYTES,
      writableHighWaterMark: DEFLATE_QUEUE_BYTES,
    };
    const deflate = createDeflateRaw(deflateOptions);
    // The deflater's output goes out as it comes; a failing output stops it, and the failure
    // surfaces in the next `write` or `end` rather than as an unhandled rejection.
    let failure: unknown;
    const pumped = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        record.compressedBytes += chunk.length;
        await this.sink.write(chunk);
      }
    })().catch((error: unknown) => {
      failure = error;
      deflate.destroy();
    });
    const check = () => {
      if (failure !== undefined) throw failure;
    };
    return {
      write: async (chunk) => {
        check();
        record.crc = crc32(chunk, record.crc);
        record.bytes += chunk.length;
        assertZip32(record.bytes, `entry ${name}`);
        if (!deflate.write(chunk)) await Promise.race([once(deflate, 'drain'), pumped]);
        check();
      },
      end: async () => {
        deflate.end();
        await pumped;
        check();
        assertZip32(record.compressedBytes, `entry ${name}`);
        await this.sink.write(dataDescriptor(record));
        this.records.push(record);
      },
    };
  }

  /** Writes the central directory and its end record. */
  async finish(): Promise<void> {
    const offset = this.sink.offset;
    assertZip32(offset, 'the central directory offset');
    const directory = Buffer.concat(this.records.map((record) => this.directoryHeader(record)));
    await this.sink.write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await this.sink.write(end);
  }

  /** Local file header; CRC and sizes are left 0, the data descriptor carries them. */
  private localHeader(record: DirectoryRecord): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    this.writeCommonFields(header, 4);
    header.writeUInt16LE(record.name.length, 26);
    return Buffer.concat([header, record.name]);
  }

  private directoryHeader(record: DirectoryRecord): Buffer {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION, 4);
    this.writeCommonFields(header, 6);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(record.compressedBytes, 20);
    header.writeUInt32LE(record.bytes, 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt32LE(record.offset, 42);
    return Buffer.concat([header, record.name]);
  }

  /** Version needed, flags, method, time and date: the same in both headers, from `at` on. */
  private writeCommonFields(header: Buffer, at: number): void {
    header.writeUInt16LE(VERSION, at);
    header.writeUInt16LE(FLAGS, at + 2);
    header.writeUInt16LE(DEFLATE, at + 4);
    header.writeUInt16LE(this.dosTime, at + 6);
    header.writeUInt16LE(this.dosDate, at + 8);
  }
}

function dataDescriptor(record: DirectoryRecord): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(record.crc, 4);
  descriptor.writeUInt32LE(record.compressedBytes, 8);
  descriptor.writeUInt32LE(record.bytes, 12);
  return descriptor;
}

function assertZip32(value: number, what: string): void {
  if (value > ZIP32_LIMIT)
    throw new RangeError(
      `${what} passes 4 GiB (${value} bytes): that needs zip64, which this writer does not write`,
    );
}
