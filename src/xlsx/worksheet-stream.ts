import { setImmediate as nextTurn } from 'node:timers/promises';
import { MAX_ROWS } from './cell-ref';
import type { ZipEntry } from './zip-writer';

/**
 * Rows leave in pieces of about this many characters (a few hundred rows of a loan tape). After
 * each piece the writer yields to the event loop, so zlib's callbacks run and the previous piece is
 * deflated on the thread pool while the next is built: without the pause, building XML starves
 * compression; with much smaller pieces, the pauses cost more than they gain.
 */
const PIECE_CHARACTERS = 1 << 18;
const DONE = Promise.resolve();

/** One worksheet part being streamed: its XML head, rows, then tail, into one zip entry. */
export class WorksheetStream {
  private pending: string;
  private rows = 0;

  constructor(
    readonly name: string,
    private readonly entry: ZipEntry,
    head: string,
  ) {
    this.pending = head;
  }

  /** The number of the next row (1-based), for the cells' addresses. */
  get nextRow(): number {
    return this.rows + 1;
  }

  /**
   * Adds the next row, given its cells' XML and, for a header, the row's own style (which readers
   * take as the row's: its font is bold). Resolves at once unless a piece went out.
   * @throws RangeError past Excel's 1,048,576 rows
   */
  addRow(cellsXml: string, rowStyle?: number): Promise<void> {
    if (this.rows === MAX_ROWS)
      throw new RangeError(`sheet "${this.name}" is full: Excel holds ${MAX_ROWS} rows`);
    this.rows += 1;
    this.pending +=
      rowStyle === undefined
        ? `<row r="${this.rows}">${cellsXml}</row>`
        : `<row r="${this.rows}" s="${rowStyle}" customFormat="1">${cellsXml}</row>`;
    return this.pending.length >= PIECE_CHARACTERS ? this.flush() : DONE;
  }

  /** Writes `tail` and ends the entry. */
  async close(tail: string): Promise<void> {
    this.pending += tail;
    await this.flush();
    await this.entry.end();
  }

  private async flush(): Promise<void> {
    const piece = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    await this.entry.write(piece);
    await nextTurn();
  }
}
