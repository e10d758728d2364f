import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** What was written: the file's size and its SHA-256, which the download's audit event records. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * The output of a workbook: counts and hashes every byte on its way out (no second read of the
 * file), and waits for 'drain' whenever the stream's buffer is full, so a slow file or HTTP
 * client holds the writer back instead of the bytes piling up in memory.
 */
export class ByteSink {
  private readonly hash = createHash('sha256');
  private written = 0;
  private failure: Error | undefined;

  constructor(private readonly output: Writable) {
    output.on('error', (error: Error) => (this.failure ??= error));
  }

  /** Bytes written so far: the offset of the next byte. */
  get offset(): number {
    return this.written;
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.hash.update(chunk);
    this.written += chunk.length;
    if (!this.output.write(chunk)) await this.drained();
  }

  /** 'drain', or a failure if the output closes first (an HTTP client that went away). */
  private async drained(): Promise<void> {
    const closedEarly = () =>
      this.failure ?? new Error('the output closed before the workbook was written');
    if (this.output.destroyed) throw closedEarly();
    const stop = new AbortController();
    const closed = once(this.output, 'close', { signal: stop.signal }).then(() => {
      throw closedEarly();
    });
    try {
      await Promise.race([once(this.output, 'drain', { signal: stop.signal }), closed]);
    } finally {
      stop.abort();
    }
  }

  /**
   * Ends the output and waits until it has taken every byte (not until a reader has read them).
   * `beforeEnd` runs once the last byte is written but before the output ends: a download's audit
   * is recorded there, so a reader never sees a complete file that was not audited (if it throws,
   * the output is not ended and the caller destroys it).
   */
  async end(beforeEnd?: (file: WrittenFile) => unknown): Promise<WrittenFile> {
    const file = { bytes: this.written, sha256: this.hash.digest('hex') };
    if (this.failure) throw this.failure;
    await beforeEnd?.(file);
    this.output.end();
    await finished(this.output, { readable: false });
    return file;
  }
}
