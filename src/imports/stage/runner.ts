import { recordAudit } from '../../audit';
import {
  type AppDeps,
  isKeyUsed,
  requestHash,
  storedResponse,
  storeResponse,
  type StoredResponse,
  Problem,
  withKeyLock,
} from '../../shared';
import { ByteSource } from '../read';
import { ErrorLog } from '../error-log';
import { recordImport, recordImportCounts } from './file-imports';
import { readRows, stageRows, type StagedRows } from './stage';
import { scratchFile } from './scratch';
import { StagingTable } from './staging';
import type { StagedFile, TableSpec } from '../table-spec';
import type { ImportContext, ImportFile, ImportRequest, ImportResult } from '../types';

/** The HTTP status an accepted import answers with, stored with its idempotency key. */
const CREATED = 201;

/**
 * Imports one file all or nothing, as a stream:
 * 1. rows are read, checked and appended to a staging table on disk as the body streams in (no
 *    transaction of the app's one connection stays open meanwhile);
 * 2. the table's whole-file checks run in SQL over the staging table;
 * 3. any error → the run is recorded as `rejected` and a 422 names the first 100 errors; the book
 *    is untouched. Otherwise one synchronous transaction moves the staged rows into the book and
 *    records the import and its idempotency key.
 * A request whose Idempotency-Key was already used is answered from the stored response; one
 * that arrives while a request with its key is running waits for it first (`withKeyLock`), so a
 * retry never checks the file against a book the first request just filled.
 * @throws Problem `validation_failed` (422) for a bad file, `idempotency_key_reused` (422).
 */
export async function runImport<R extends object>(
  context: ImportContext,
  file: ImportFile,
  spec: TableSpec<R>,
): Promise<ImportResult> {
  const key = file.idempotencyKey;
  if (!key) return runImportNow(context, file, spec);
  return withKeyLock(context.deps.db, key, () => runImportNow(context, file, spec));
}

async function runImportNow<R extends object>(
  { deps, actor }: ImportContext,
  file: ImportFile,
  spec: TableSpec<R>,
): Promise<ImportResult> {
  const request: ImportRequest = { ...file, actor };
  const source = new ByteSource(request.body);
  const fingerprint = request.requestFingerprint ?? `import ${spec.kind}`;
  const key = request.idempotencyKey;
  if (key && isKeyUsed(deps.db, key)) {
    await source.drain();
    const stored = storedResponse(
      deps.db,
      key,
      requestHash(fingerprint, source.digest().fileSha256),
    );
    if (stored) return replayOf(stored);
  }
  const staging = await StagingTable.create(deps.db, spec.stagingColumns);
  try {
    const log = new ErrorLog();
    const read = await stageRows(
      readRows(
        source,
        request,
        () => scratchFile(deps.db, 'upload', 'xlsx'),
        deps.config.importRecordLimitChars,
      ),
      spec,
      staging,
      log,
      {
        unknownColumns: request.unknownColumns ?? 'refuse',
        dates: { tapeDate: request.tapeDate, today: deps.clock.today() },
      },
    );
    await source.drain();
    const staged = stagedFile(deps, staging, read, request);
    if (read.bindings) {
      await staging.seal();
      for (const found of spec.check(staged)) log.addFound(found);
    }
    if (log.total > 0) throw rejection(deps, request, spec, source, read, log);
    return accept(deps, request, spec, source, read, staged, fingerprint);
  } finally {
    await staging.drop();
  }
}

function replayOf(stored: StoredResponse): ImportResult {
  return { ...(JSON.parse(stored.body) as ImportResult), replayed: true };
}

function stagedFile(
  deps: AppDeps,
  staging: StagingTable,
  read: StagedRows,
  request: ImportRequest,
): StagedFile {
  const headers = new Map(
    (read.bindings ?? []).map((binding) => [binding.column.name, binding.header]),
  );
  return {
    tx: deps.db,
    staging,
    headerOf: (name) => headers.get(name) ?? name,
    present: new Set(headers.keys()),
    mode: request.mode,
  };
}

/** Records the rejected run in its own small transaction (the book untouched) and builds the 422 answer. */
function rejection<R extends object>(
  deps: AppDeps,
  request: ImportRequest,
  spec: TableSpec<R>,
  source: ByteSource,
  read: StagedRows,
  log: ErrorLog,
): Problem {
  const importedAt = deps.clock.now();
  const file = source.digest();
  const importId = deps.db.transaction((tx) => {
    const id = recordImport(tx, {
      kind: spec.kind,
      status: 'rejected',
      format: request.format,
      mode: request.mode,
      ...file,
      actor: request.actor.label,
      rowCount: read.rowCount,
      errorCount: log.total,
      importedAt,
    });
    auditImport(tx, request, importedAt, {
      action: `${spec.kind}.rejected`,
      importId: id,
      ...file,
      detail: { rows: read.rowCount, errors: log.total },
    });
    return id;
  });
  const errors = log.first();
  const only = log.total === 1 ? errors[0] : undefined;
  const detail =
    only && only.row === undefined
      ? `${only.message}; nothing was imported`
      : `${log.total} error(s) in the file; nothing was imported`;
  return new Problem('validation_failed', detail, {
    errors,
    totalErrors: log.total,
    importId,
    columns: read.columns,
  });
}

/** Phase 2: one transaction moves the staged rows into the book and records the import (and key). */
function accept<R extends object>(
  deps: AppDeps,
  request: ImportRequest,
  spec: TableSpec<R>,
  source: ByteSource,
  read: StagedRows,
  staged: StagedFile,
  fingerprint: string,
): ImportResult {
  const file = source.digest();
  const key = request.idempotencyKey;
  const hash = requestHash(fingerprint, file.fileSha256);
  return deps.db.transaction((tx) => {
    // Another request with the same key may have finished while this file streamed in.
    const earlier = key ? storedResponse(tx, key, hash) : undefined;
    if (earlier) return replayOf(earlier);
    const importedAt = deps.clock.now();
    const importId = recordImport(tx, {
      kind: spec.kind,
      status: 'accepted',
      format: request.format,
      mode: request.mode,
      ...file,
      actor: request.actor.label,
      rowCount: read.rowCount,
      errorCount: 0,
      importedAt,
    });
    const { warnings = [], ...counts } = spec.apply({
      ...staged,
      tx,
      importId,
      tapeDate: request.tapeDate,
      rowCount: read.rowCount,
    });
    recordImportCounts(tx, importId, counts);
    const ledger = spec.post(tx, deps, { importId, actor: request.actor, mode: request.mode });
    const result: ImportResult = {
      importId,
      kind: spec.kind,
      rows: read.rowCount,
      ...counts,
      ...file,
      ledger,
      warnings,
      columns: read.columns,
    };
    auditImport(tx, request, importedAt, {
      action: `${spec.kind}.imported`,
      importId,
      ...file,
      detail: {
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        ...(warnings.length > 0 && { warnings }),
      },
    });
    if (key)
      storeResponse(tx, {
        key,
        hash,
        response: { status: CREATED, body: JSON.stringify(result) },
        createdAt: importedAt,
      });
    return result;
  });
}

/** The import's line in the audit trail, written with the import record. */
function auditImport(
  db: Parameters<typeof recordAudit>[0],
  request: ImportRequest,
  occurredAt: string,
  entry: {
    action: string;
    importId: number;
    fileSha256: string;
    fileBytes: number;
    detail: Record<string, unknown>;
  },
): void {
  recordAudit(db, request.actor, occurredAt, {
    action: entry.action,
    targetType: 'file_import',
    targetId: entry.importId,
    fileSha256: entry.fileSha256,
    detail: {
      format: request.format,
      mode: request.mode,
      fileBytes: entry.fileBytes,
      ...entry.detail,
    },
  });
}
