import { type ImportContext, type ImportFile, type ImportResult, runImport } from '../../imports';
import { loanTapeSpec } from './tape-spec';

/**
 * Imports a loan tape (CSV or XLSX) into the book, all or nothing: see `runImport`. In insert
 * mode a loan id the book already has is an error; in upsert mode it updates that loan.
 * @throws Problem `validation_failed` naming the first 100 bad cells, `idempotency_key_reused`.
 */
export async function importLoanTape(ctx: ImportContext, file: ImportFile): Promise<ImportResult> {
  return runImport(ctx, file, loanTapeSpec);
}
