import { recordAudit } from '../../audit';
import { addFen, type Fen, Problem, type VerbContext, ZERO_FEN } from '../../shared';
import {
  resolvePortfolioBands,
  dimensionScale,
  type StratDimension,
  groupSql,
  lotCandidateRows,
  stratGroups,
  groupKey,
  stratTable,
} from '../strats';
import {
  insertPortfolio,
  insertScreening,
  latestScreening,
  updatePortfolio,
  type PortfolioRow,
  requirePortfolio,
  requireStatus,
} from '../record';
import { releaseMembers } from '../membership';
import { stratifiedLots } from './lots';
import { copyLotMembers, dropLotAssignments, writeLotAssignments } from './split-repository';

/** Split into one lot per group of a dimension, or into `lots` balanced lots stratified by some dimensions. */
export type SplitRequest = { by: StratDimension } | { lots: number; stratifyBy: StratDimension[] };

export interface SplitLot {
  portfolio: PortfolioRow;
  loans: number;
  claimFen: Fen;
}

export interface SplitResult {
  parent: PortfolioRow;
  lots: SplitLot[];
}

interface LotPlan {
  labels: string[];
  /** The lot of each candidate, by loan id. */
  lotOf: Map<string, number>;
  counts: { loans: number; claimFen: Fen; eligible: number; flagged: number }[];
}

const invalid = (field: string, message: string) =>
  new Problem('validation_failed', message, { errors: [{ field, message }] });

/** Which lot each loan on offer goes to, and the lots' labels in order. */
function planLots({ tx, deps }: VerbContext, parent: PortfolioRow, request: SplitRequest): LotPlan {
  const bands = resolvePortfolioBands(deps.config.portfolios);
  const dimensions = 'by' in request ? [request.by] : request.stratifyBy;
  const scales = dimensions.map((dimension) => dimensionScale(dimension, bands));
  const rows = lotCandidateRows(
    tx,
    parent.id,
    dimensions.map((dimension, i) => groupSql(dimension, scales[i]!)),
  );
  const keyOf = (groups: (number | string | null)[]) =>
    groups.map((group, i) => groupKey(group, scales[i]!)).join(' · ');
  let labels: string[];
  let lots: ArrayLike<number>;
  if ('by' in request) {
    const keys = stratTable(
      stratGroups(tx, parent.id, request.by, scales[0]!),
      scales[0]!,
    ).rows.map((row) => row.key);
    if (keys.length < 2)
      throw invalid(
        'json.by',
        `every loan on offer falls in one ${request.by} group: there is nothing to split`,
      );
    const lotOfKey = new Map(keys.map((key, lot) => [key, lot]));
    labels = keys.map((key) => `${request.by}: ${key}`);
    lots = rows.map((row) => {
      const lot = lotOfKey.get(keyOf(row.groups));
      if (lot === undefined)
        throw new Error(
          `loan ${row.loanId} falls in no ${request.by} group of the strat it was split by`,
        );
      return lot;
    });
  } else {
    if (request.lots > rows.length)
      throw invalid(
        'json.lots',
        `${request.lots} lots need at least as many loans on offer; the portfolio has ${rows.length}`,
      );
    labels = Array.from({ length: request.lots }, (_, lot) => `lot ${lot + 1} of ${request.lots}`);
    lots = stratifiedLots(
      rows.map((row) => ({ claimFen: row.claimFen, stratum: keyOf(row.groups) })),
      request.lots,
    );
  }
  const counts = labels.map(() => ({ loans: 0, claimFen: ZERO_FEN, eligible: 0, flagged: 0 }));
  const lotOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const lot = lots[index]!;
    const count = counts[lot]!;
    count.loans += 1;
    count.claimFen = addFen(count.claimFen, row.claimFen);
    if (row.verdict === 'flagged') count.flagged += 1;
    else count.eligible += 1;
    lotOf.set(row.loanId, lot);
  });
  return { labels, lotOf, counts };
}

/**
 * Splits a draft portfolio into lots inside the caller's transaction. Each lot is a draft
 * portfolio of its own (`parentId` names the parent) holding some of the parent's loans on offer,
 * with their snapshot and verdicts and a screening inherited from the parent's latest. The parent
 * becomes `split`: it keeps its rows as a record (the excluded loans and why) but lets go of its
 * loans, so each loan stays in exactly one active portfolio.
 * @throws Problem not_found; conflict unless draft; validation_failed when the loans do not split
 */
export function splitPortfolio(
  ctx: VerbContext,
  { parentId, request }: { parentId: number; request: SplitRequest },
): SplitResult {
  const { tx, deps, actor } = ctx;
  const parent = requirePortfolio(tx, parentId);
  requireStatus(parent, ['draft'], 'splitting');
  const screening = latestScreening(tx, parentId);
  if (!screening) throw new Error(`portfolio ${parentId} has never been screened`);
  const plan = planLots(ctx, parent, request);
  const now = deps.clock.now();
  releaseMembers(tx, parentId);
  const splitParent = updatePortfolio(tx, parentId, { status: 'split', statusChangedAt: now });
  writeLotAssignments(tx, plan.lotOf.entries());
  const lots = plan.labels.map((label, lot) => {
    const count = plan.counts[lot]!;
    const portfolio = insertPortfolio(tx, {
      name: `${parent.name} – ${label}`,
      status: 'draft',
      cutOffDate: parent.cutOffDate,
      criteria: parent.criteria,
      rulePackId: screening.rulePackId,
      rulePackVersion: screening.rulePackVersion,
      parentId,
      lotLabel: label,
      createdBy: actor.label,
      createdByUserId: actor.userId,
      createdAt: now,
      statusChangedAt: now,
    });
    const { id: screeningId } = insertScreening(tx, {
      ...screening,
      id: undefined,
      portfolioId: portfolio.id,
      eligibleCount: count.eligible,
      flaggedCount: count.flagged,
      excludedCount: 0,
      changedCount: 0,
      inheritedFromId: screening.id,
    });
    const moved = copyLotMembers(tx, parentId, lot, portfolio.id, screeningId);
    if (moved !== count.loans)
      throw new Error(
        `lot ${lot} of portfolio ${parentId} took ${moved} loans, planned ${count.loans}`,
      );
    return { portfolio, loans: count.loans, claimFen: count.claimFen };
  });
  dropLotAssignments(tx);
  recordAudit(tx, actor, now, {
    action: 'portfolio.split',
    targetType: 'portfolio',
    targetId: parentId,
    detail: {
      request,
      lots: lots.map((lot) => ({
        id: lot.portfolio.id,
        label: lot.portfolio.lotLabel,
        loans: lot.loans,
        claimFen: lot.claimFen,
      })),
    },
  });
  return { parent: splitParent, lots };
}
