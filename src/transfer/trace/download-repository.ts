import { eq } from 'drizzle-orm';
import { type DbOrTx, dataRoomDownloads } from '../../../db';

export type DownloadRow = typeof dataRoomDownloads.$inferSelect;

export function insertDownload(
  tx: DbOrTx,
  download: typeof dataRoomDownloads.$inferInsert,
): DownloadRow {
  return tx.insert(dataRoomDownloads).values(download).returning().get();
}

export function completeDownload(
  tx: DbOrTx,
  id: number,
  written: { completedAt: string; sha256: string; bytes: number; loanRows: number },
): DownloadRow {
  return tx
    .update(dataRoomDownloads)
    .set(written)
    .where(eq(dataRoomDownloads.id, id))
    .returning()
    .get();
}

export function downloadsWithFingerprint(
  tx: DbOrTx,
  fingerprints: readonly string[],
): DownloadRow[] {
  return fingerprints.flatMap((fingerprint) =>
    tx.select().from(dataRoomDownloads).where(eq(dataRoomDownloads.fingerprint, fingerprint)).all(),
  );
}

export function downloadsOfPortfolio(tx: DbOrTx, portfolioId: number): DownloadRow[] {
  return tx
    .select()
    .from(dataRoomDownloads)
    .where(eq(dataRoomDownloads.portfolioId, portfolioId))
    .orderBy(dataRoomDownloads.id)
    .all();
}

/** The portfolios any data room was made of. */
export function downloadedPortfolioIds(tx: DbOrTx): number[] {
  return tx
    .selectDistinct({ portfolioId: dataRoomDownloads.portfolioId })
    .from(dataRoomDownloads)
    .all()
    .map((row) => row.portfolioId);
}

export function findDownload(tx: DbOrTx, id: number): DownloadRow | undefined {
  return tx.select().from(dataRoomDownloads).where(eq(dataRoomDownloads.id, id)).get();
}
