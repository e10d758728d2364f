import type { ScreeningVerdict } from '../../../db';
import { defaultPortfolioRequests, type Fen } from '../../shared';
import {
  addSums,
  roundedRatio,
  safeFen,
  safeNumber,
  stratRow,
  ZERO_SUMS,
  type StratRow,
  type StratTable,
} from './strat-table';
import type { VerdictSums } from './strat-repository';

/** Loans of one verdict, with how many loans each rule fired on. */
export interface VerdictGroup {
  loans: number;
  claimFen: Fen;
  reasons: { ruleId: string; loans: number }[];
}

/**
 * The portfolio summary over the loans on offer (all but the excluded), in the terms of Chinese
 * listings: 户数 (borrowers) and 笔数 (loans), balances, 债权总额 (claim), weighted averages by claim.
 * Its loans, claim, principal, average claim and weighted averages are the totals row of every strat.
 */
export interface PortfolioSummary extends Omit<StratRow, 'key' | 'loansPct' | 'claimPct'> {
  borrowers: number;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  collectedSinceChargeOffFen: Fen;
  /** Σ(claim · days past due at charge-off) / Σ claim; `waDpd` is the same at the cut-off. */
  waDpdAtChargeOff: number | null;
  /** Σ(claim · age) / Σ claim over loans whose borrower's age is known. */
  waBorrowerAgeYears: number | null;
  eligible: number;
  flagged: VerdictGroup;
  excluded: VerdictGroup;
  /** The largest provinces by claim (at most five), and the largest one's share of the claim in percent. */
  topProvinces: StratRow[];
  largestProvinceClaimPct: number;
}

export interface SummaryInputs {
  verdictSums: readonly VerdictSums[];
  borrowers: number;
  ruleCounts: readonly { verdict: ScreeningVerdict; ruleId: string; loans: number }[];
  provinces: StratTable;
}

function verdictGroup(inputs: SummaryInputs, verdict: ScreeningVerdict): VerdictGroup {
  const sums = inputs.verdictSums.find((group) => group.verdict === verdict)?.sums ?? ZERO_SUMS;
  const reasons = inputs.ruleCounts
    .filter((count) => count.verdict === verdict)
    .map(({ ruleId, loans }) => ({ ruleId, loans }));
  return { loans: safeNumber(sums.loans), claimFen: safeFen(sums.claimFen), reasons };
}

/** The summary from its aggregates (strat-repository.ts). */
export function portfolioSummary(inputs: SummaryInputs): PortfolioSummary {
  const onOffer = inputs.verdictSums.filter((group) => group.verdict !== 'excluded');
  const total = (pick: (group: VerdictSums) => bigint) =>
    onOffer.reduce((sum, group) => sum + pick(group), 0n);
  const sums = onOffer.reduce((sum, group) => addSums(sum, group.sums), ZERO_SUMS);
  const {
    key: _key,
    loansPct: _loansPct,
    claimPct: _claimPct,
    ...totals
  } = stratRow('total', sums, sums);
  return {
    ...totals,
    borrowers: inputs.borrowers,
    interestFen: safeFen(total((group) => group.interestFen)),
    feeFen: safeFen(total((group) => group.feeFen)),
    penaltyFen: safeFen(total((group) => group.penaltyFen)),
    collectedSinceChargeOffFen: safeFen(total((group) => group.collectedFen)),
    waDpdAtChargeOff: roundedRatio(
      total((group) => group.claimDpdAtChargeOff),
      sums.claimFen,
      2,
    ),
    waBorrowerAgeYears: roundedRatio(
      total((group) => group.claimAge),
      total((group) => group.claimWithAgeFen),
      2,
    ),
    eligible: safeNumber(
      inputs.verdictSums.find((group) => group.verdict === 'eligible')?.sums.loans ?? 0n,
    ),
    flagged: verdictGroup(inputs, 'flagged'),
    excluded: verdictGroup(inputs, 'excluded'),
    topProvinces: inputs.provinces.rows.slice(0, defaultPortfolioRequests.topProvinces),
    largestProvinceClaimPct: inputs.provinces.rows[0]?.claimPct ?? 0,
  };
}
