import { COLLECTION_COLUMNS, collectionRow, LOAN_TAPE_COLUMNS, loanTapeRow } from './columns';
import type { DemoLoanRecord } from './types';

const NEEDS_QUOTES = /[",\r\n]/;
/** Lines are gathered into chunks of about this many characters before they are handed on. */
const CHUNK_CHARACTERS = 256 * 1024;

/**
 * One CSV line (RFC 4180 quoting): a field with a comma, quote or line break is quoted and its
 * quotes doubled. Lines end in a bare LF, which every CSV reader accepts.
 */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  }
  return `${line}\n`;
}

/** Gathers CSV lines, header first, into chunks large enough to write or stream efficiently. */
export class CsvChunker {
  private text: string;

  constructor(header: readonly string[]) {
    this.text = csvLine(header);
  }

  add(fields: readonly string[]): void {
    this.text += csvLine(fields);
  }

  get full(): boolean {
    return this.text.length >= CHUNK_CHARACTERS;
  }

  /** The text gathered so far, which is then forgotten. */
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}

export type DemoFile = 'loans' | 'collections';

/** A new chunker for one of the two demo files. */
export function demoFileChunker(file: DemoFile): CsvChunker {
  return new CsvChunker(file === 'loans' ? LOAN_TAPE_COLUMNS : COLLECTION_COLUMNS);
}

/** Adds a record's rows to the chunker of the loan tape and of the collections file. */
export function addRecord(
  record: DemoLoanRecord,
  loans: CsvChunker | undefined,
  collections: CsvChunker | undefined,
): void {
  loans?.add(loanTapeRow(record.loan));
  if (collections)
    for (const event of record.events) collections.add(collectionRow(record.loan.loanId, event));
}

/** One demo file as CSV text in chunks, built lazily from the book so it never sits in memory whole. */
export function* csvChunks(book: Iterable<DemoLoanRecord>, file: DemoFile): Generator<string> {
  const chunker = demoFileChunker(file);
  for (const record of book) {
    addRecord(
      record,
      file === 'loans' ? chunker : undefined,
      file === 'collections' ? chunker : undefined,
    );
    if (chunker.full) yield chunker.take();
  }
  const rest = chunker.take();
  if (rest.length > 0) yield rest;
}
