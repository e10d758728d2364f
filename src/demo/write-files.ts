import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { addRecord, demoFileChunker, type CsvChunker } from './csv';
import type { DemoLoanRecord } from './types';

/** What was written: rows of each file. */
export interface DemoFileCounts {
  loans: number;
  events: number;
}

/**
 * Writes `directory/loans.csv` and `directory/collections.csv` in one pass over the book,
 * waiting for each file to drain so memory stays flat however large the book.
 */
export async function writeDemoBookCsv(
  book: Iterable<DemoLoanRecord>,
  directory: string,
): Promise<DemoFileCounts> {
  mkdirSync(directory, { recursive: true });
  const files = [
    { out: createWriteStream(join(directory, 'loans.csv')), chunker: demoFileChunker('loans') },
    {
      out: createWriteStream(join(directory, 'collections.csv')),
      chunker: demoFileChunker('collections'),
    },
  ] as const;
  const counts: DemoFileCounts = { loans: 0, events: 0 };
  for (const record of book) {
    counts.loans += 1;
    counts.events += record.events.length;
    addRecord(record, files[0].chunker, files[1].chunker);
    for (const file of files) if (file.chunker.full) await write(file.out, file.chunker);
  }
  for (const file of files) {
    await write(file.out, file.chunker);
    file.out.end();
    await once(file.out, 'finish');
  }
  return counts;
}

async function write(out: WriteStream, chunker: CsvChunker): Promise<void> {
  if (!out.write(chunker.take())) await once(out, 'drain');
}
