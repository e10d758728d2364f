import { isAscii, isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../types';

/**
 * Multi-byte sequences (valid or not) the detector looks at before it decides; a UTF-8 BOM decides
 * at once. GBK text breaks UTF-8 at nearly every character (about 1 in 6 Chinese characters
 * happens to be a valid 2-byte UTF-8 sequence), UTF-8 text at none.
 */
const SAMPLE_SEQUENCES = 32;
/** The most bytes held undecoded while the sample fills (a file with little non-ASCII text). */
const HOLD_LIMIT_BYTES = 1 << 20;

/**
 * The file's bytes are not text in the encoding it was read as. `byteOffset` is the offset in the
 * file of the first bad byte when known; `row` and `column` are filled in by the CSV reader.
 */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly byteOffset?: number,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
  }

  /** The same error, placed in the table. */
  at(row: number, column: string): DecodeError {
    return new DecodeError(this.message, this.byteOffset, row, column);
  }
}

/**
 * A streaming UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) that counts, over the bytes scanned, the complete multi-byte sequences and the invalid
 * ones, and remembers where the first invalid one starts. Each byte is looked at once.
 */
class Utf8Scanner {
  /** Offset in the file of the next byte. */
  offset: number;
  valid = 0;
  invalid = 0;
  firstInvalidOffset = -1;
  firstInvalidByte = 0;
  /** Continuation bytes still needed by the sequence in progress, and the range of the next one. */
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;
  private sequenceLead = 0;

  constructor(offset: number) {
    this.offset = offset;
  }

  /** Whether the bytes scanned so far end between two characters. */
  get idle(): boolean {
    return this.need === 0;
  }

  /** Steps over bytes known to be whole, valid UTF-8 (not counted). */
  skip(length: number): void {
    this.offset += length;
  }

  scan(bytes: Uint8Array): void {
    const base = this.offset;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (this.need === 0) {
        if (byte < 0x80) continue;
        this.sequenceStart = base + i;
        this.sequenceLead = byte;
        if (byte >= 0xc2 && byte <= 0xdf) {
          this.need = 1;
        } else if (byte >= 0xe0 && byte <= 0xef) {
          this.need = 2;
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          this.need = 3;
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
        } else {
          this.fail();
        }
      } else if (byte < this.lower || byte > this.upper) {
        // The sequence is cut short; this byte starts afresh.
        this.fail();
        i--;
      } else {
        this.lower = 0x80;
        this.upper = 0xbf;
        if (--this.need === 0) this.valid++;
      }
    }
    this.offset = base + bytes.length;
  }

  /** The end of the file: a sequence still open is cut short. */
  end(): void {
    if (this.need > 0) this.fail();
  }

  private fail(): void {
    this.invalid++;
    if (this.firstInvalidOffset < 0) {
      this.firstInvalidOffset = this.sequenceStart;
      this.firstInvalidByte = this.sequenceLead;
    }
    this.need = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}

/** Bytes to text in one encoding; stops at the first byte that is not valid in it. */
interface TextReader {
  /** The text of these bytes, or of those before the first bad byte (then `failure` is set). */
  write(bytes: Uint8Array): string;
  end(): string;
  failure: DecodeError | undefined;
}

/** UTF-8, every byte validated; a byte-order mark is dropped. */
class Utf8Reader implements TextReader {
  failure: DecodeError | undefined;
  private readonly scanner: Utf8Scanner;
  private readonly decoder = new TextDecoder('utf-8');

  /** `offset`: where in the file the first byte written is. */
  constructor(
    offset: number,
    private readonly advice: string,
  ) {
    this.scanner = new Utf8Scanner(offset);
  }

  write(bytes: Uint8Array): string {
    const start = this.scanner.offset;
    // Fast path: the native validator over the chunk's whole characters; the scanner, byte by
    // byte, only over a character cut by the chunk's end, or to find the bad byte.
    const whole = this.scanner.idle ? bytes.length - cutCharacterBytes(bytes) : 0;
    if (whole > 0 && isUtf8(bytes.subarray(0, whole))) {
      this.scanner.skip(whole);
      this.scanner.scan(bytes.subarray(whole));
    } else {
      this.scanner.scan(bytes);
    }
    if (this.scanner.firstInvalidOffset < 0) return this.decoder.decode(bytes, { stream: true });
    // Everything before the bad sequence is whole and valid (its start may be in an earlier chunk).
    const valid = Math.max(0, this.scanner.firstInvalidOffset - start);
    const text = this.decoder.decode(bytes.subarray(0, valid), { stream: true });
    this.fail();
    return text;
  }

  end(): string {
    this.scanner.end();
    if (this.scanner.firstInvalidOffset < 0) return this.decoder.decode();
    this.fail();
    return '';
  }

  private fail(): void {
    const { firstInvalidByte, firstInvalidOffset } = this.scanner;
    const hex = firstInvalidByte.toString(16).toUpperCase().padStart(2, '0');
    this.failure = new DecodeError(
      `byte 0x${hex} at byte ${firstInvalidOffset} is not valid UTF-8 ${this.advice}`,
      firstInvalidOffset,
    );
  }
}

/**
 * GBK, read as GB18030, its superset (GBK, GB2312 and what Chinese Excel saves as "CSV" all read
 * the same in it). The decoder turns each invalid sequence into U+FFFD, which GBK cannot encode:
 * the first one is the first bad byte (a U+FFFD written in GB18030's four-byte form is refused too).
 */
class GbkReader implements TextReader {
  failure: DecodeError | undefined;
  private readonly decoder = new TextDecoder('gb18030');

  constructor(private readonly complaint: string) {}

  write(bytes: Uint8Array): string {
    return this.checked(this.decoder.decode(bytes, { stream: true }));
  }

  end(): string {
    return this.checked(this.decoder.decode());
  }

  private checked(text: string): string {
    const bad = text.indexOf('\uFFFD');
    if (bad < 0) return text;
    this.failure = new DecodeError(this.complaint);
    return text.slice(0, bad);
  }
}

/**
 * Decides between UTF-8 and GBK. ASCII, the same in both, passes straight through. From the first
 * non-ASCII byte on, bytes are held (undecoded) and checked as UTF-8 until SAMPLE_SEQUENCES
 * multi-byte sequences were seen (or HOLD_LIMIT_BYTES, or the end of the file): a BOM, or more
 * valid sequences than invalid ones, means UTF-8; otherwise GBK. The decision is then held to over
 * the whole file: any byte invalid in the chosen encoding stops the reading with a DecodeError, so
 * a UTF-8 file with a stray byte is refused (not read as GBK), and GBK that breaks is refused too.
 */
class DetectingReader {
  private reader: TextReader | undefined;
  private asciiBytes = 0;
  /** Bytes from the first non-ASCII one on, until the decision; undefined while all is ASCII. */
  private held: Uint8Array[] | undefined;
  private heldBytes = 0;
  private scanner = new Utf8Scanner(0);

  get failure(): DecodeError | undefined {
    return this.reader?.failure;
  }

  /** The text of these bytes, in pieces no bigger than the chunks read. */
  write(bytes: Uint8Array): string[] {
    if (this.reader) return [this.reader.write(bytes)];
    let ascii = '';
    if (!this.held) {
      const nonAscii = isAscii(bytes) ? -1 : firstNonAscii(bytes);
      const asciiEnd = nonAscii < 0 ? bytes.length : nonAscii;
      ascii = Buffer.from(bytes.buffer, bytes.byteOffset, asciiEnd).toString('latin1');
      this.asciiBytes += asciiEnd;
      if (nonAscii < 0) return [ascii];
      this.held = [];
      this.scanner = new Utf8Scanner(this.asciiBytes);
      bytes = bytes.subarray(nonAscii);
    }
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    this.scanner.scan(bytes);
    return [ascii, ...this.decideIfSure(false)];
  }

  end(): string[] {
    if (this.reader) return [this.reader.end()];
    if (!this.held) return [];
    const held = this.decideIfSure(true);
    return this.failure ? held : [...held, this.reader!.end()];
  }

  /** Once the sample is enough: chooses the encoding and decodes what was held. */
  private decideIfSure(final: boolean): string[] {
    const held = this.held!;
    const bom = this.asciiBytes === 0 && startsWithBom(held);
    if (final) this.scanner.end();
    const { valid, invalid } = this.scanner;
    const sure =
      final || bom || valid + invalid >= SAMPLE_SEQUENCES || this.heldBytes >= HOLD_LIMIT_BYTES;
    if (!sure) return [];
    const reader: TextReader =
      bom || valid > invalid || invalid === 0
        ? new Utf8Reader(
            this.asciiBytes,
            '(the rest of the file reads as UTF-8): correct it, or if the file is GBK send it with charset=gbk',
          )
        : new GbkReader(
            'the file is neither UTF-8 nor GBK: a byte sequence here is invalid in both; save the file again as UTF-8',
          );
    this.reader = reader;
    this.held = undefined;
    const texts: string[] = [];
    for (const bytes of held) {
      texts.push(reader.write(bytes));
      if (reader.failure) break;
    }
    return texts;
  }
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that the end cuts off (0–3). */
function cutCharacterBytes(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/** Whether the held chunks (however short) start with the UTF-8 byte-order mark EF BB BF. */
function startsWithBom(chunks: readonly Uint8Array[]): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  let matched = 0;
  for (const chunk of chunks)
    for (let i = 0; i < chunk.length && matched < 3; i++)
      if (chunk[i] !== bom[matched++]) return false;
  return matched === 3;
}

/** A reader of the encoding the request names, its text in pieces as DetectingReader gives them. */
function forcedReader(forced: TextEncoding) {
  const reader =
    forced === 'utf-8'
      ? new Utf8Reader(0, '(the request says charset=utf-8): correct it, or send the right charset')
      : new GbkReader(
          'the file is not valid GBK here (the request says charset=gbk): correct it, or send the right charset',
        );
  return {
    write: (bytes: Uint8Array) => [reader.write(bytes)],
    end: () => [reader.end()],
    get failure() {
      return reader.failure;
    },
  };
}

/**
 * Decodes a byte stream to text chunks, in the encoding `forced`, or else detected (see
 * DetectingReader): UTF-8 with or without BOM, or GBK as Chinese Excel saves CSV. Every byte must
 * be valid in the encoding read: the text before the first bad byte is given, then a DecodeError.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  forced?: TextEncoding,
): AsyncGenerator<string> {
  const reader = forced ? forcedReader(forced) : new DetectingReader();
  for await (const chunk of bytes) {
    for (const text of reader.write(chunk)) if (text) yield text;
    if (reader.failure) throw reader.failure;
  }
  for (const text of reader.end()) if (text) yield text;
  if (reader.failure) throw reader.failure;
}
