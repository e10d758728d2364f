import { type ImportContext, type ImportFile, type ImportResult, runImport } from '../../imports';
import { collectionEventSpec } from './event-spec';

/**
 * Imports a collection history (CSV or XLSX), all or nothing: see `runImport`. Every event's
 * loan must be in the book. `created` counts the events added, `updated` the loans whose flags
 * or last payment they changed. The request's mode is recorded as given (always `insert`).
 * @throws Problem `validation_failed` naming the first 100 bad cells, `idempotency_key_reused`.
 */
export async function importCollections(
  ctx: ImportContext,
  file: ImportFile,
): Promise<ImportResult> {
  return runImport(ctx, file, collectionEventSpec);
}
