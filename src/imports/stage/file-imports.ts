import { eq } from 'drizzle-orm';
import { type DbOrTx, fileImports } from '../../../db';
import type { ImportFormat, ImportKind, ImportMode } from '../types';

/** The facts of one import run recorded in `file_imports`. */
export interface ImportRecord {
  kind: ImportKind;
  status: 'accepted' | 'rejected';
  format: ImportFormat;
  mode: ImportMode;
  fileSha256: string;
  fileBytes: number;
  actor: string;
  rowCount: number;
  errorCount: number;
  importedAt: string;
}

/** Records an import run; returns its id. */
export function recordImport(db: DbOrTx, record: ImportRecord): number {
  const inserted = db.insert(fileImports).values(record).returning({ id: fileImports.id }).get();
  return inserted.id;
}

/** Sets how many loans or events an accepted import created and updated. */
export function recordImportCounts(
  db: DbOrTx,
  importId: number,
  counts: { created: number; updated: number },
): void {
  db.update(fileImports)
    .set({ createdCount: counts.created, updatedCount: counts.updated })
    .where(eq(fileImports.id, importId))
    .run();
}
