import type { PortfolioStatus, ScreeningVerdict } from '../../db';
import { type AppDeps, Problem } from '../shared';
import {
  resolvePortfolioBands,
  dimensionScale,
  type StratDimension,
  borrowersOnOffer,
  ruleCounts,
  stratGroups,
  verdictSums,
  stratTable,
  type StratTable,
  portfolioSummary,
  type PortfolioSummary,
} from './strats';
import { type PortfolioRow, type ScreeningRow, requirePortfolio } from './record';
import { membersPage, type MemberRow } from './membership';
import * as repository from './record';
import { verdictChangesOf, type VerdictChange } from './screening';

export interface PortfolioDetail {
  portfolio: PortfolioRow;
  summary: PortfolioSummary;
  /** The latest screening: its rule table explains the reasons in the summary. */
  screening: ScreeningRow | undefined;
  lots: PortfolioRow[];
}

/** The stratification table of a portfolio's loans on offer on one dimension. */
export function strats(deps: AppDeps, portfolioId: number, dimension: StratDimension): StratTable {
  const scale = dimensionScale(dimension, resolvePortfolioBands(deps.config.portfolios));
  return deps.db.transaction((tx) => {
    requirePortfolio(tx, portfolioId);
    return stratTable(stratGroups(tx, portfolioId, dimension, scale), scale);
  });
}

/** A portfolio with its summary, latest screening and lots, read in one snapshot. */
export function portfolioDetail(deps: AppDeps, portfolioId: number): PortfolioDetail {
  const provinceScale = dimensionScale('province', resolvePortfolioBands(deps.config.portfolios));
  return deps.db.transaction((tx) => {
    const portfolio = requirePortfolio(tx, portfolioId);
    const summary = portfolioSummary({
      verdictSums: verdictSums(tx, portfolioId),
      borrowers: borrowersOnOffer(tx, portfolioId),
      ruleCounts: ruleCounts(tx, portfolioId),
      provinces: stratTable(stratGroups(tx, portfolioId, 'province', provinceScale), provinceScale),
    });
    return {
      portfolio,
      summary,
      screening: repository.latestScreening(tx, portfolioId),
      lots: repository.lotsOf(tx, portfolioId),
    };
  });
}

/** Portfolios newest first, a page at a time; the cursor is the id of the last one sent. */
export function listPortfolios(
  deps: AppDeps,
  query: { status?: PortfolioStatus; parentId?: number; cursor?: number; limit: number },
): { items: PortfolioRow[]; nextCursor: number | null } {
  const rows = repository.listPortfolios(deps.db, {
    status: query.status,
    parentId: query.parentId,
    beforeId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

export interface MemberPage {
  items: MemberRow[];
  /** The screenings the items' verdicts come from, by id: their rule tables name the fired rules. */
  screenings: Map<number, ScreeningRow>;
  nextCursor: string | null;
}

/** A page of a portfolio's loans in loan-id order, optionally of one verdict. */
export function portfolioLoans(
  deps: AppDeps,
  portfolioId: number,
  query: { verdict?: ScreeningVerdict; cursor?: string; limit: number },
): MemberPage {
  return deps.db.transaction((tx) => {
    requirePortfolio(tx, portfolioId);
    const rows = membersPage(tx, portfolioId, {
      verdict: query.verdict,
      afterLoanId: query.cursor,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const screenings = new Map<number, ScreeningRow>();
    for (const id of new Set(items.map((item) => item.screeningId))) {
      const screening = id === null ? undefined : repository.findScreening(tx, id);
      if (screening) screenings.set(screening.id, screening);
    }
    return {
      items,
      screenings,
      nextCursor: rows.length > query.limit ? (items.at(-1)?.loanId ?? null) : null,
    };
  });
}

/** A portfolio's screenings, latest first. */
export function portfolioScreenings(deps: AppDeps, portfolioId: number): ScreeningRow[] {
  return deps.db.transaction((tx) => {
    requirePortfolio(tx, portfolioId);
    return repository.screeningsOf(tx, portfolioId);
  });
}

/** One screening of a portfolio with the loans whose outcome it changed. */
export function screeningDetail(
  deps: AppDeps,
  portfolioId: number,
  screeningId: number,
): { screening: ScreeningRow; changes: VerdictChange[] } {
  return deps.db.transaction((tx) => {
    const screening = repository.findScreening(tx, screeningId);
    if (!screening || screening.portfolioId !== portfolioId)
      throw new Problem('not_found', `portfolio ${portfolioId} has no screening ${screeningId}`);
    return { screening, changes: verdictChangesOf(tx, screeningId) };
  });
}
