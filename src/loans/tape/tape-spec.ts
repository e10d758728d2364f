import { postTapeOpeningRegister } from '../../ledger';
import {
  loadWithIndexesRebuilt,
  type FoundErrors,
  sqlErrors,
  stagingStatement,
  type ApplyContext,
  type ImportWarning,
  type StagedFile,
  type TableSpec,
} from '../../imports';
import { mapStagedProducts } from '../../products';
import { tapeColumns } from './tape-columns';
import { completeTapeRecord, tapeRulesSchema, type TapeRecord } from './tape-record';
import { stagedLoanColumns, stagedLoanRow } from './tape-staging';

const columnList = stagedLoanColumns.map((column) => column.name).join(', ');

/** The staged rows whose loan the book already has, as a FROM … WHERE clause (alias `s`). */
const inBookFrom = (staging: string) =>
  `FROM ${staging} s WHERE EXISTS (SELECT 1 FROM loans l WHERE l.loan_id = s.loan_id)`;

/** Loan ids that appear more than once in the file: every later row is an error naming the first. */
function duplicatesInFile(file: StagedFile): FoundErrors {
  const staging = file.staging.name;
  return sqlErrors<{ row: number; loanId: string; firstRow: number }>(
    file.tx,
    {
      countSql: `SELECT count(*) - count(DISTINCT loan_id) AS total FROM ${staging}`,
      listSql: `SELECT s.row, s.loan_id AS loanId, d.first_row AS firstRow
                FROM ${staging} s JOIN (SELECT loan_id, min(row) AS first_row FROM ${staging} GROUP BY loan_id HAVING count(*) > 1) d USING (loan_id)
                WHERE s.row > d.first_row ORDER BY s.row LIMIT ?`,
    },
    ({ row, loanId, firstRow }) => ({
      row,
      column: file.headerOf('loan_id'),
      value: loanId,
      message: `duplicate loan id: rows ${firstRow} and ${row} both have ${loanId}`,
    }),
  );
}

/** In insert mode, loan ids the book already has. */
function alreadyInBook(file: StagedFile): FoundErrors {
  const inBook = inBookFrom(file.staging.name);
  return sqlErrors<{ row: number; loanId: string }>(
    file.tx,
    {
      countSql: `SELECT count(*) AS total ${inBook}`,
      listSql: `SELECT s.row, s.loan_id AS loanId ${inBook} ORDER BY s.row LIMIT ?`,
    },
    ({ row, loanId }) => ({
      row,
      column: file.headerOf('loan_id'),
      value: loanId,
      message: `loan ${loanId} is already in the book; import with mode=upsert to update it`,
    }),
  );
}

/**
 * Moves the staged loans into the book. Insert mode adds them all; upsert mode updates loans the
 * book has, field by field for the columns the file has (see `stagedLoanColumns`), and adds the
 * rest. Every row written gets the tape date and the import id.
 */
function applyTape(context: ApplyContext): {
  created: number;
  updated: number;
  warnings: ImportWarning[];
} {
  const { tx, staging, mode } = context;
  const warnings = mapStagedProducts(tx, staging.name).map(({ product, rows, firstRow }) => ({
    column: context.headerOf('product'),
    value: product,
    rows,
    firstRow,
    message: `unknown product ${product}: not in the product table (GET /products), so its loans are screened as an unknown product until it is added (POST /products, or PATCH /products/{code} with the name as an alias)`,
  }));
  const updated =
    mode === 'upsert'
      ? (
          stagingStatement(tx, `SELECT count(*) AS n ${inBookFrom(staging.name)}`).get() as {
            n: number;
          }
        ).n
      : 0;
  const overwritten = stagedLoanColumns
    .filter(
      (column) =>
        column.name !== 'loan_id' && column.updatedBy.some((name) => context.present.has(name)),
    )
    .map((column) => `${column.name} = excluded.${column.name}`);
  const onConflict =
    mode === 'upsert'
      ? `ON CONFLICT (loan_id) DO UPDATE SET ${[...overwritten, 'tape_date = excluded.tape_date', 'import_id = excluded.import_id'].join(', ')}`
      : '';
  // The staging table's rowid is the file row, so its scan order is the file's order. `WHERE true`
  // lets SQLite tell the upsert clause from a join constraint.
  const insert = stagingStatement(
    tx,
    `INSERT INTO loans (${columnList}, tape_date, import_id) SELECT ${columnList}, ?, ? FROM ${staging.name} WHERE true ${onConflict}`,
  );
  const { changes } = loadWithIndexesRebuilt(tx, 'loans', context.rowCount, () =>
    insert.run(context.tapeDate, context.importId),
  );
  return { created: changes - updated, updated, warnings };
}

/** The loan tape as a kind of import file. */
export const loanTapeSpec: TableSpec<TapeRecord> = {
  kind: 'loan_tape',
  columns: tapeColumns,
  stagingColumns: stagedLoanColumns.map((column) => `${column.name} ${column.sqlType}`),
  complete: completeTapeRecord,
  schema: tapeRulesSchema,
  stagingRow: stagedLoanRow,
  check: (file) =>
    file.mode === 'insert'
      ? [duplicatesInFile(file), alreadyInBook(file)]
      : [duplicatesInFile(file)],
  apply: applyTape,
  post: postTapeOpeningRegister,
};
