import { systemActor } from '../audit';
import { importCollections } from '../collections';
import type { ImportFile, ImportResult } from '../imports';
import { importLoanTape } from '../loans';
import type { AppDeps } from '../shared';
import { generateDemoBook, type DemoBookOptions } from './book';
import { csvChunks, type DemoFile } from './csv';

/** What loading a demo book did. */
export interface DemoImport {
  loans: ImportResult;
  collections: ImportResult;
  seconds: number;
}

/**
 * Loads a demo book through the real import services, loan tape first (collections refer to its
 * loans). Each file is streamed from its own pass over the book: the generator is deterministic,
 * so both passes see the same loans and nothing is held in memory or written to disk.
 */
export async function importDemoBook(deps: AppDeps, options: DemoBookOptions): Promise<DemoImport> {
  const started = performance.now();
  const ctx = { deps, actor: systemActor('demo') };
  const loans = await importLoanTape(ctx, demoImportFile(options, 'loans'));
  const collections = await importCollections(ctx, demoImportFile(options, 'collections'));
  return { loans, collections, seconds: (performance.now() - started) / 1000 };
}

function demoImportFile(options: DemoBookOptions, file: DemoFile): ImportFile {
  return {
    body: utf8Stream(csvChunks(generateDemoBook(options), file)),
    format: 'csv',
    mode: 'insert',
    tapeDate: options.asOf,
  };
}

/** A byte stream that pulls the next text chunk only when its reader asks for more. */
function utf8Stream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
