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
  const book = createStreamingWorkbook(createWriteStream(path), options);
  await write(book);
  return { path, ...(await book.finish()) };
}
