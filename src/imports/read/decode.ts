import iconv from 'iconv-lite';
import type { TextEncoding } from '../types';

/** How many bytes after the first non-ASCII byte the detector looks at before it decides. */
const SNIFF_BYTES = 4096;
const BOM = [0xef, 0xbb, 0xbf] as const;

/** The file's bytes are not text in the encoding it was read as. */
export class DecodeError extends Error {}

interface Decoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

function utf8Decoder(): Decoder {
  // fatal: a GBK file read as UTF-8 must fail loudly, not turn names into U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fail = (): never => {
    throw new DecodeError(
      'the file is not valid UTF-8; if it was saved as GBK (ANSI), send it with charset=gbk or encoding=gbk',
    );
  };
  return {
    write: (bytes) => {
      try {
        return decoder.decode(bytes, { stream: true });
      } catch {
        return fail();
      }
    },
    end: () => {
      try {
        return decoder.decode();
      } catch {
        return fail();
      }
    },
  };
}

function gbkDecoder(): Decoder {
  // GB18030 is a superset of GBK (and GB2312): decoding with it accepts every file either wrote.
  const decoder = iconv.getDecoder('gb18030');
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

function decoderFor(encoding: TextEncoding): Decoder {
  return encoding === 'utf-8' ? utf8Decoder() : gbkDecoder();
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** Whether `bytes` are valid UTF-8, allowing the last character to be cut off by the end of the sample. */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Decodes a byte stream to text chunks. With `forced` undefined the encoding is detected: a UTF-8
 * byte-order mark means UTF-8; otherwise ASCII passes through (it reads the same in both) until the
 * first non-ASCII byte, and the next 4 KB decide: valid UTF-8 → UTF-8, else GBK (what Chinese Excel
 * writes as "CSV"). Throws `DecodeError` when a file read as UTF-8 turns out not to be.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  forced?: TextEncoding,
): AsyncGenerator<string> {
  let decoder = forced ? decoderFor(forced) : undefined;
  // Bytes not decoded yet because the encoding is undecided: the start of the file, or everything from its first non-ASCII byte.
  let pending: Uint8Array = new Uint8Array(0);
  let atStart = true;
  for await (const chunk of bytes) {
    if (decoder) {
      yield decoder.write(chunk);
      continue;
    }
    pending = pending.length ? concat(pending, chunk) : chunk;
    if (atStart) {
      if (pending.length < BOM.length) continue;
      atStart = false;
      if (startsWithBom(pending)) decoder = utf8Decoder();
    }
    if (!decoder) {
      const nonAscii = firstNonAscii(pending);
      if (nonAscii !== 0) {
        const asciiEnd = nonAscii < 0 ? pending.length : nonAscii;
        yield Buffer.from(pending.buffer, pending.byteOffset, asciiEnd).toString('latin1');
        pending = pending.subarray(asciiEnd);
      }
      if (pending.length < SNIFF_BYTES) continue;
      decoder = decoderFor(looksLikeUtf8(pending) ? 'utf-8' : 'gbk');
    }
    yield decoder.write(pending);
    pending = new Uint8Array(0);
  }
  decoder ??= startsWithBom(pending) || looksLikeUtf8(pending) ? utf8Decoder() : gbkDecoder();
  if (pending.length) yield decoder.write(pending);
  yield decoder.end();
}
