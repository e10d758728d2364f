import { prepared } from '../../../db';
import type { AppDeps } from '../../shared';
import {
  downloadedPortfolioIds,
  downloadsOfPortfolio,
  downloadsWithFingerprint,
  findDownload,
  type DownloadRow,
} from './download-repository';
import { orderAgreement } from './fingerprint';
import type { LeakedFile } from './leaked-file';
import { findTokenKey, loanToken } from '../offers';

export type TraceMethod = 'document_property' | 'hidden_mark' | 'row_order';

export interface TraceEvidence {
  method: TraceMethod;
  downloadId: number;
  /** For row order: the share of the pairs seen whose order agrees with the copy, and how many pairs. */
  agreement?: number;
  pairs?: number;
}

/** A copy's row order is its own when at least this share of at least `MIN_PAIRS` pairs agree (another copy agrees about half the time). */
const MIN_AGREEMENT = 0.95;
const MIN_PAIRS = 16;

/**
 * Which copy of which data room a leaked file is: by the fingerprints it still carries (the
 * document property, the hidden marks) and by its row order, each a separate piece of evidence.
 * The copies named are the downloads, with the buyer each was made for.
 */
export function traceLeak(
  deps: AppDeps,
  leaked: LeakedFile,
): { evidence: TraceEvidence[]; downloads: DownloadRow[] } {
  const { db } = deps;
  const evidence: TraceEvidence[] = [];
  const byProperty = leaked.propertyFingerprint
    ? downloadsWithFingerprint(db, [leaked.propertyFingerprint])
    : [];
  evidence.push(
    ...byProperty.map((download) => ({
      method: 'document_property' as const,
      downloadId: download.id,
    })),
  );
  evidence.push(
    ...downloadsWithFingerprint(db, leaked.hiddenMarks).map((download) => ({
      method: 'hidden_mark' as const,
      downloadId: download.id,
    })),
  );
  evidence.push(...rowOrderEvidence(deps, leaked.references));
  const ids = [...new Set(evidence.map((item) => item.downloadId))];
  const downloads = ids
    .map((id) => findDownload(db, id))
    .filter((row): row is DownloadRow => row !== undefined);
  return { evidence, downloads };
}

/**
 * Row-order evidence: finds the portfolio whose loans the references name (as P1 tokens or P2
 * loan ids), turns them into loan ids, and compares the order of neighbours with every copy of
 * that portfolio and tier (`orderAgreement`).
 */
function rowOrderEvidence(deps: AppDeps, references: readonly string[]): TraceEvidence[] {
  if (references.length < 2) return [];
  const seen = new Set(references);
  for (const portfolioId of downloadedPortfolioIds(deps.db)) {
    const tokenKey = findTokenKey(deps.db, portfolioId);
    const loanIds = (
      prepared(deps.db, 'select loan_id as loanId from portfolio_loans where portfolio_id = ?').all(
        portfolioId,
      ) as { loanId: string }[]
    ).map((row) => row.loanId);
    for (const tier of ['P1', 'P2'] as const) {
      const loanOf = new Map<string, string>();
      for (const loanId of loanIds) {
        const reference = tier === 'P2' || !tokenKey ? loanId : loanToken(tokenKey, loanId);
        if (seen.has(reference)) loanOf.set(reference, loanId);
      }
      if (loanOf.size < references.length / 2) continue;
      const observed = references.map((reference) => loanOf.get(reference));
      return downloadsOfPortfolio(deps.db, portfolioId)
        .filter((download) => download.tier === tier)
        .map((download) => ({ download, ...orderAgreement(observed, download.fingerprint) }))
        .filter(({ pairs, agreement }) => pairs >= MIN_PAIRS && agreement >= MIN_AGREEMENT)
        .map(({ download, pairs, agreement }) => ({
          method: 'row_order' as const,
          downloadId: download.id,
          pairs,
          agreement,
        }));
    }
  }
  return [];
}
