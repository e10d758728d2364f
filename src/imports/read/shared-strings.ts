import { WorkbookError } from './workbook-error';

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
