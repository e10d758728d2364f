import type { DbOrTx } from '../../db';
import type { AuditActor } from '../audit';
import type { AppDeps } from '../shared';
import type { z } from 'zod';
import type { ColumnSpec } from './columns';
import type { FoundErrors } from './error-log';
import type { StagingTable } from './stage';
import type { ImportKind, ImportMode, ImportWarning, LedgerSummary } from './types';

/** What the checks and the apply step of a table get to work with. */
export interface StagedFile {
  /** The handle to work on: the app's database for the checks, the import's transaction for the apply step. */
  tx: DbOrTx;
  staging: StagingTable;
  /** The header text the file uses for a column (its canonical name if the file lacks it): for error reports. */
  headerOf(columnName: string): string;
  /** The canonical names of the columns the file has. */
  present: ReadonlySet<string>;
  mode: ImportMode;
}

export interface ApplyContext extends StagedFile {
  importId: number;
  tapeDate: string;
  /** How many rows are staged (all of the file's data rows: phase 2 runs only when none is bad). */
  rowCount: number;
}

/** A record as its cells left it: any column may still be blank (null). */
export type Blankable<R> = { [K in keyof R]: R[K] | null };

/**
 * Everything the import runner needs to know about one kind of file: its columns, how a typed
 * record is completed and checked, its staging row, the whole-file checks and how staged rows
 * reach the book. The loan tape and the collection history are two of these.
 */
export interface TableSpec<R extends object> {
  kind: ImportKind;
  columns: readonly ColumnSpec[];
  /** Column definitions of the staging table (after `row`), in the order of `stagingRow`. */
  stagingColumns: readonly string[];
  /** Fills what blank cells leave to be derived from other cells, and normalises values; mutates. */
  complete(draft: Blankable<R>): void;
  /** The rules one typed record must satisfy; each issue's path starts with a column name. */
  schema: z.ZodType;
  /** `[fileRow, ...values]` in the order of `stagingColumns`. */
  stagingRow(record: R, row: number): unknown[];
  /** Row errors only the whole file shows (a duplicate id, an unknown loan), found in SQL. */
  check(file: StagedFile): FoundErrors[];
  /** Moves the staged rows into the book, inside the import's transaction. */
  apply(context: ApplyContext): { created: number; updated: number; warnings?: ImportWarning[] };
  /** Books what the applied rows mean for the ledger, in the same transaction. */
  post(
    tx: DbOrTx,
    deps: AppDeps,
    context: { importId: number; actor: AuditActor; mode: ImportMode },
  ): LedgerSummary;
}
