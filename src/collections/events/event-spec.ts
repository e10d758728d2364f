import { postImportedCollections } from '../../ledger';
import {
  loadWithIndexesRebuilt,
  type FoundErrors,
  sqlErrors,
  stagingStatement,
  type ApplyContext,
  type StagedFile,
  type TableSpec,
} from '../../imports';
import { collectionColumns } from './columns';
import { eventRecordSchema, type EventRecord } from './event-record';
import { flagOfStatusEvent } from './status-flags';

const eventColumns = [
  'loan_id',
  'event_date',
  'event_type',
  'amount_fen',
  'payment_channel',
  'cost_kind',
  'status_event',
  'note',
];

/** Events of loans the book does not have. */
function unknownLoans(file: StagedFile): FoundErrors {
  const unknown = `FROM ${file.staging.name} s WHERE NOT EXISTS (SELECT 1 FROM loans l WHERE l.loan_id = s.loan_id)`;
  return sqlErrors<{ row: number; loanId: string }>(
    file.tx,
    {
      countSql: `SELECT count(*) AS total ${unknown}`,
      listSql: `SELECT s.row, s.loan_id AS loanId ${unknown} ORDER BY s.row LIMIT ?`,
    },
    ({ row, loanId }) => ({
      row,
      column: file.headerOf('loan_id'),
      value: loanId,
      message: `no loan ${loanId} in the book; import the loan tape first`,
    }),
  );
}

/** Sets each loan's flags from its status events; returns the loans changed. */
function setStatusFlags({ tx, staging }: ApplyContext): string[] {
  const flags = Object.entries(flagOfStatusEvent);
  const perLoan = flags
    .map(([event, flag]) => `max(status_event = '${event}') AS ${flag}`)
    .join(', ');
  const changes = flags.map(([, flag]) => `loans.${flag} < s.${flag}`).join(' OR ');
  return stagingStatement(
    tx,
    `UPDATE loans SET ${flags.map(([, flag]) => `${flag} = max(loans.${flag}, s.${flag})`).join(', ')}
       FROM (SELECT loan_id, ${perLoan} FROM ${staging.name} WHERE event_type = 'status' GROUP BY loan_id) AS s
       WHERE loans.loan_id = s.loan_id AND (${changes}) RETURNING loans.loan_id`,
  )
    .pluck()
    .all() as string[];
}

/**
 * Moves a loan's last payment forward to its latest payment in the file when that is later than
 * the one on record; several payments that day count as one of their sum. Returns the loans changed.
 */
function advanceLastPayments({ tx, staging }: ApplyContext): string[] {
  return stagingStatement(
    tx,
    `WITH daily AS (SELECT loan_id, event_date, sum(amount_fen) AS amount_fen FROM ${staging.name} WHERE event_type = 'payment' GROUP BY loan_id, event_date),
            latest AS (SELECT loan_id, max(event_date) AS event_date, amount_fen FROM daily GROUP BY loan_id)
       UPDATE loans SET last_payment_date = latest.event_date, last_payment_fen = latest.amount_fen
       FROM latest WHERE loans.loan_id = latest.loan_id AND (loans.last_payment_date IS NULL OR latest.event_date > loans.last_payment_date)
       RETURNING loans.loan_id`,
  )
    .pluck()
    .all() as string[];
}

/** Appends the staged events to the history (in file order) and updates the loans they change. */
function applyEvents(context: ApplyContext): { created: number; updated: number } {
  const insert = stagingStatement(
    context.tx,
    `INSERT INTO collection_events (${eventColumns.join(', ')}, import_id) SELECT ${eventColumns.join(', ')}, ? FROM ${context.staging.name} WHERE true`,
  );
  const { changes } = loadWithIndexesRebuilt(
    context.tx,
    'collection_events',
    context.rowCount,
    () => insert.run(context.importId),
  );
  const changedLoans = new Set([...setStatusFlags(context), ...advanceLastPayments(context)]);
  return { created: changes, updated: changedLoans.size };
}

/** The collection history as a kind of import file. */
export const collectionEventSpec: TableSpec<EventRecord> = {
  kind: 'collections',
  columns: collectionColumns,
  stagingColumns: eventColumns.map(
    (name) => `${name} ${name === 'amount_fen' ? 'INTEGER' : 'TEXT'}`,
  ),
  complete: () => {},
  schema: eventRecordSchema,
  stagingRow: (r, row) => [
    row,
    r.loan_id,
    r.event_date,
    r.event_type,
    r.amount,
    r.payment_channel,
    r.cost_kind,
    r.status_event,
    r.note,
  ],
  check: (file) => [unknownLoans(file)],
  apply: applyEvents,
  post: postImportedCollections,
};
