import type { Writable } from 'node:stream';
import type { DisclosureTier } from '../../../db';
import type { AuditActor } from '../../audit';
import { type AppDeps, transferTermsOf, type VerbContext } from '../../shared';
import { roundsOf } from '../bids';
import { writeDataRoom, type DataRoomCopy } from './data-room';
import { disclosureTierFor } from './disclosure-tier';
import { findBuyer, findTokenKey, requireOfferedTo } from '../offers';
import { completeDownload, insertDownload, newFingerprint, type DownloadRow } from '../trace';
import { loansOnOfferCount } from './tape-row';
import { type DownloadAudit, type WrittenFile, createStreamingWorkbook } from '../../xlsx';

export interface StartedDownload {
  download: DownloadRow;
  copy: DataRoomCopy;
}

/**
 * Records a buyer's download of a portfolio's data room before a byte is written: the tier the
 * buyer is entitled to, a fresh fingerprint, the copy's particulars.
 * @throws Problem not_found (not offered to the buyer); forbidden (P2 before signing, or not the buyer)
 */
export function startDownload(
  { tx, deps, actor }: VerbContext,
  request: { portfolioId: number; buyerOrganisationId: number; tier?: DisclosureTier | undefined },
): StartedDownload {
  const { portfolio } = requireOfferedTo(tx, request.portfolioId, request.buyerOrganisationId);
  const tier = disclosureTierFor(tx, portfolio.id, request.buyerOrganisationId, request.tier);
  const buyer = findBuyer(tx, request.buyerOrganisationId);
  const tokenKey = findTokenKey(tx, portfolio.id);
  if (!buyer || !tokenKey)
    throw new Error(`portfolio ${portfolio.id} is offered without its buyer or token key`);
  const preparedAt = deps.clock.now();
  const download = insertDownload(tx, {
    portfolioId: portfolio.id,
    buyerOrganisationId: buyer.id,
    userId: actor.userId,
    tier,
    fingerprint: newFingerprint(),
    loanRows: loansOnOfferCount(tx, portfolio.id),
    startedAt: preparedAt,
  });
  const deadline = roundsOf(tx, portfolio.id)[0]?.deadline ?? null;
  const { sellerName } = transferTermsOf(deps.config);
  return {
    download,
    copy: {
      portfolio,
      buyerName: buyer.name,
      sellerName,
      tier,
      tokenKey,
      fingerprint: download.fingerprint,
      preparedAt,
      deadline,
    },
  };
}

/**
 * Streams the data room of a started download into `output` (a file, a zip entry or an HTTP
 * response), then records its size and SHA-256 on the download (the copy's record, which tracing
 * reads). Memory does not grow with the portfolio: the tape is read a page at a time and the
 * workbook waits for `output` to drain. Sent over HTTP, the download is audited by the route's
 * download mechanism (`sendAuditedDownload`), from its start to its last byte or its abort.
 */
export async function streamDataRoom(
  deps: AppDeps,
  _actor: AuditActor,
  { download, copy }: StartedDownload,
  output: Writable,
): Promise<WrittenFile & { loanRows: number }> {
  const book = createStreamingWorkbook(output, {
    createdAt: copy.preparedAt,
    properties: {
      title: `数据室 Data room: ${copy.portfolio.name}`,
      author: copy.sellerName,
      custom: {
        DataRoomCopy: copy.fingerprint,
        Portfolio: String(copy.portfolio.id),
        PreparedFor: copy.buyerName,
        Tier: copy.tier,
      },
    },
  });
  const { loanRows } = await writeDataRoom(deps, book, copy);
  const written = await book.finish();
  deps.db.transaction((tx) =>
    completeDownload(tx, download.id, {
      completedAt: deps.clock.now(),
      sha256: written.sha256,
      bytes: written.bytes,
      loanRows,
    }),
  );
  return { ...written, loanRows };
}

/** What the audit trail says of a buyer's download of a data room copy: who got which copy, in which tier. */
export function dataRoomDownloadAudit({ download, copy }: StartedDownload): DownloadAudit {
  return {
    action: 'transfer.data_room.downloaded',
    targetType: 'portfolio',
    targetId: copy.portfolio.id,
    detail: {
      downloadId: download.id,
      buyerOrganisationId: download.buyerOrganisationId,
      tier: copy.tier,
    },
  };
}

/** The file name a buyer's browser saves the copy under (ASCII: the portfolio's name may not be). */
export function dataRoomFileName({ download, copy }: StartedDownload): string {
  return `data-room-portfolio-${copy.portfolio.id}-${copy.tier}-copy-${download.id}.xlsx`;
}
