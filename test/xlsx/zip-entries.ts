import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntryRead {
  name: string;
  flags: number;
  content: Buffer;
}

/**
 * The entries of a zip file, read from its central directory as any unzip tool does (not with
 * exceljs, so the writer's zip is checked on its own): each inflated and checked against the CRC
 * and sizes the directory records.
 */
export function zipEntries(file: Buffer): ZipEntryRead[] {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries: ZipEntryRead[] = [];
  for (let index = 0; index < count; index++) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw new Error(`no directory header at ${at}`);
    const [flags, method, crc, compressed, size, nameLength, extraLength, commentLength, offset] = [
      file.readUInt16LE(at + 8),
      file.readUInt16LE(at + 10),
      file.readUInt32LE(at + 16),
      file.readUInt32LE(at + 20),
      file.readUInt32LE(at + 24),
      file.readUInt16LE(at + 28),
      file.readUInt16LE(at + 30),
      file.readUInt16LE(at + 32),
      file.readUInt32LE(at + 42),
    ] as const;
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (file.readUInt32LE(offset) !== 0x04034b50 || method !== 8)
      throw new Error(`entry ${name}: no local header or not deflated`);
    const dataStart = offset + 30 + file.readUInt16LE(offset + 26) + file.readUInt16LE(offset + 28);
    const content = inflateRawSync(file.subarray(dataStart, dataStart + compressed));
    if (content.length !== size || crc32(content) !== crc)
      throw new Error(`entry ${name}: size or CRC does not match the directory`);
    entries.push({ name, flags, content });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
