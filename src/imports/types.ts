/** What a file import receives and answers, shared by the loan tape and the collection history. */
import type { AuditActor } from '../audit';
import type { IdempotencyKey, VerbContext } from '../shared';

export type ImportFormat = 'csv' | 'xlsx';
export type ImportMode = 'insert' | 'upsert';
export type ImportKind = 'loan_tape' | 'collections';
export type TextEncoding = 'utf-8' | 'gbk';
/** What a header the table does not know means: an error (the default), or a column to leave out. */
export type UnknownColumns = 'refuse' | 'ignore';

/**
 * What an import verb is called with: the verb context without a transaction. An import cannot
 * join its caller's transaction: it streams the file into a staging table before it opens its
 * own short transactions (one to record a rejection, or one to move the rows into the book).
 */
export type ImportContext = Omit<VerbContext, 'tx'>;

/** The file an import verb is given, and how to read it. */
export interface ImportFile {
  /** The body as it streams in, a file read back from disk, or bytes in memory (tests, the demo). */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array;
  format: ImportFormat;
  /** collections: always 'insert' */
  mode: ImportMode;
  /** ISO date (the route fills it from as_of or clock.today()) */
  tapeDate: string;
  /** forced encoding; undefined = detect */
  encoding?: TextEncoding;
  /** undefined = 'refuse' */
  unknownColumns?: UnknownColumns;
  /** The request's Idempotency-Key, with whose it is. */
  idempotencyKey?: IdempotencyKey;
  /** method+path+query string the route adds to the idempotency hash */
  requestFingerprint?: string;
}

/** The file with who sends it: recorded on the import and in the audit trail. */
export interface ImportRequest extends ImportFile {
  actor: AuditActor;
}

/** The columns an import read: each header it took with its canonical name, and those it ignored. */
export interface ImportColumns {
  mapped: { header: string; column: string }[];
  ignored: string[];
}

/** A few figures of what an import booked, money as decimal strings. */
export type LedgerSummary = Record<string, string | number | null>;

export interface ImportResult {
  importId: number;
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
  fileSha256: string;
  fileBytes: number;
  /** What the import booked in the ledger (the opening register entry, recoveries and costs). */
  ledger?: LedgerSummary;
  /**
   * What was imported but deserves a look: values the platform keeps as written without knowing
   * them (a product no product of the table answers to). Empty when there is nothing to say.
   */
  warnings: ImportWarning[];
  /** The columns it read (absent in answers stored before the answer listed them). */
  columns?: ImportColumns;
  /** Set when an earlier request with the same Idempotency-Key did the work: this is its answer. */
  replayed?: true;
}

/** A value the import kept but did not recognise, with how many rows carry it. */
export interface ImportWarning {
  /** The column as the file's header writes it. */
  column: string;
  value: string;
  rows: number;
  /** The first file row that has it (the header is row 1). */
  firstRow: number;
  message: string;
}

/**
 * A formula cell of a workbook: its source without the leading `=`. The readers hand formulas over
 * as this kind of cell, never as their cached result, so that every column refuses them ("paste
 * values"): the stored result is whatever the sheet last computed, not what the cell says.
 */
export class Formula {
  constructor(readonly source: string) {}
}

/**
 * One cell as a reader hands it over: always a string from CSV; from XLSX whatever the cell holds
 * (a Date for date-formatted numbers, a Formula for formulas). `null` for an empty cell.
 */
export type Cell = string | number | boolean | Date | Formula | null;

/** A record of the file: its 1-based row as a spreadsheet shows it (the header is row 1) and its cells. */
export interface SourceRow {
  row: number;
  cells: Cell[];
}
