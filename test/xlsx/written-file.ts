import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import {
  createStreamingWorkbook,
  type StreamingWorkbook,
  type StreamingWorkbookOptions,
} from '../../src/xlsx/streaming-workbook';
import type { WrittenFile } from '../../src/xlsx/byte-sink';

const folder = mkdtempSync(join(tmpdir(), 'workbook-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Streams a workbook to a temp file with `write`; returns its path and what `finish` reported. */
export async function writtenFile(
  name: string,
  write: (book: StreamingWorkbook) => Promise<void>,
  options: StreamingWorkbookOptions = {},
): Promise<WrittenFile & { path: string }> {
  const path = join(folder, name);
  const output = createWriteStream(path);
  const book = createStreamingWorkbook(output, options);
  try {
    await write(book);
    return { path, ...(await book.finish()) };
  } catch (error) {
    // A write that fails leaves the file open: close it before the folder is removed, or its
    // late open would land in a folder being deleted (ENOTEMPTY).
    if (!output.closed)
      await new Promise<void>((done) => output.destroy().once('close', () => done()));
    throw error;
  }
}
