import type { z } from '@hono/zod-openapi';
import { type Fen, formatFen } from '../../shared';
import type { PortfolioCriteria } from '../criteria';
import { criteriaToBody } from './criteria-api';
import type {
  StratDimension,
  StratRow,
  StratTable,
  PortfolioSummary,
  VerdictGroup,
} from '../strats';
import type { MemberRow } from '../membership';
import type { PortfolioRow, ScreeningRow } from '../record';
import { type RulePack, ruleTable, type VerdictChange } from '../screening';
import type { SplitResult } from '../lots';
import type { PortfolioDetail } from '../queries';
import type * as schemas from './view-schemas';

// Portfolios, screenings and strats (integer fen) as the API shows them (decimal strings).

type Rule = z.infer<typeof schemas.RuleSchema>;
const money = (fen: Fen | null) => (fen === null ? null : formatFen(fen));
const ruleIds = (firedRules: string | null): string[] =>
  firedRules === null ? [] : (JSON.parse(firedRules) as string[]);

export function portfolioView(portfolio: PortfolioRow): z.infer<typeof schemas.PortfolioSchema> {
  return {
    id: portfolio.id,
    name: portfolio.name,
    status: portfolio.status,
    cutOffDate: portfolio.cutOffDate,
    criteria: criteriaToBody(JSON.parse(portfolio.criteria) as PortfolioCriteria),
    rulePack: { id: portfolio.rulePackId, version: portfolio.rulePackVersion },
    parentId: portfolio.parentId,
    lotLabel: portfolio.lotLabel,
    createdBy: portfolio.createdBy,
    createdAt: portfolio.createdAt,
    statusChangedAt: portfolio.statusChangedAt,
  };
}

export function rulePackView(pack: RulePack): z.infer<typeof schemas.RulePackSchema> {
  return {
    id: pack.id,
    version: pack.version,
    nameZh: pack.nameZh,
    nameEn: pack.nameEn,
    rules: ruleTable(pack),
  };
}

const rulesOf = (screening: ScreeningRow) => JSON.parse(screening.rules) as Rule[];

/** A fired rule as its screening defined it. @throws Error if the screening's rule table lacks it */
function ruleNamed(rules: readonly Rule[], id: string): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`rule ${id} fired but is not in its screening's rule table`);
  return rule;
}

export function screeningView(screening: ScreeningRow): z.infer<typeof schemas.ScreeningSchema> {
  return {
    id: screening.id,
    asOf: screening.asOf,
    rulePack: { id: screening.rulePackId, version: screening.rulePackVersion },
    rules: rulesOf(screening),
    eligible: screening.eligibleCount,
    flagged: screening.flaggedCount,
    excluded: screening.excludedCount,
    changed: screening.changedCount,
    inheritedFromId: screening.inheritedFromId,
    screenedAt: screening.screenedAt,
    screenedBy: screening.screenedBy,
  };
}

export function changeView(change: VerdictChange): z.infer<typeof schemas.VerdictChangeSchema> {
  return {
    loanId: change.loanId,
    previousVerdict: change.previousVerdict,
    previousRules: ruleIds(change.previousFiredRules),
    verdict: change.verdict,
    rules: ruleIds(change.firedRules),
  };
}

function stratRowView(row: StratRow): z.infer<typeof schemas.StratRowSchema> {
  return {
    key: row.key,
    loans: row.loans,
    loansPct: row.loansPct,
    claim: formatFen(row.claimFen),
    claimPct: row.claimPct,
    principal: formatFen(row.principalFen),
    averageClaim: money(row.averageClaimFen),
    waMonthsSinceChargeOff: row.waMonthsSinceChargeOff,
    waDpd: row.waDpd,
  };
}

export function stratTableView(
  portfolioId: number,
  by: StratDimension,
  table: StratTable,
): z.infer<typeof schemas.StratTableSchema> {
  return {
    portfolioId,
    by,
    rows: table.rows.map(stratRowView),
    totals: stratRowView(table.totals),
  };
}

/** Names each rule of a verdict group after the screening's rule table. */
function verdictGroupView(group: VerdictGroup, rules: readonly Rule[]) {
  const reasons = group.reasons.map(({ ruleId, loans }) => ({
    ...ruleNamed(rules, ruleId),
    loans,
  }));
  return { loans: group.loans, claim: formatFen(group.claimFen), reasons };
}

function summaryView(
  summary: PortfolioSummary,
  screening: ScreeningRow | undefined,
): z.infer<typeof schemas.SummarySchema> {
  const rules = screening ? rulesOf(screening) : [];
  return {
    loans: summary.loans,
    borrowers: summary.borrowers,
    principal: formatFen(summary.principalFen),
    interest: formatFen(summary.interestFen),
    fee: formatFen(summary.feeFen),
    penalty: formatFen(summary.penaltyFen),
    claim: formatFen(summary.claimFen),
    collectedSinceChargeOff: formatFen(summary.collectedSinceChargeOffFen),
    averageClaim: money(summary.averageClaimFen),
    waDpd: summary.waDpd,
    waMonthsSinceChargeOff: summary.waMonthsSinceChargeOff,
    waBorrowerAgeYears: summary.waBorrowerAgeYears,
    eligible: summary.eligible,
    flagged: verdictGroupView(summary.flagged, rules),
    excluded: verdictGroupView(summary.excluded, rules),
    topProvinces: summary.topProvinces.map(stratRowView),
    largestProvinceClaimPct: summary.largestProvinceClaimPct,
  };
}

export function detailView(detail: PortfolioDetail): z.infer<typeof schemas.PortfolioDetailSchema> {
  return {
    ...portfolioView(detail.portfolio),
    summary: summaryView(detail.summary, detail.screening),
    screening: detail.screening ? screeningView(detail.screening) : null,
    lots: detail.lots.map(({ id, name, status, lotLabel }) => ({ id, name, status, lotLabel })),
  };
}

export function memberView(
  member: MemberRow,
  screenings: ReadonlyMap<number, ScreeningRow>,
): z.infer<typeof schemas.MemberSchema> {
  const screening = member.screeningId === null ? undefined : screenings.get(member.screeningId);
  const rules = screening ? rulesOf(screening) : [];
  return {
    loanId: member.loanId,
    borrowerId: member.borrowerId,
    product: member.product,
    province: member.province,
    chargeOffDate: member.chargeOffDate,
    chargeOff: formatFen(member.chargeOffFen),
    principal: formatFen(member.principalFen),
    interest: formatFen(member.interestFen),
    fee: formatFen(member.feeFen),
    penalty: formatFen(member.penaltyFen),
    claim: formatFen(member.claimFen),
    collectedSinceChargeOff: formatFen(member.collectedFen),
    lastPaymentDate: member.lastPaymentDate,
    dpdAtChargeOff: member.dpdAtChargeOff,
    dpdAtCutOff: member.dpdAtCutOff,
    monthsSinceChargeOff: member.monthsSinceChargeOff,
    borrowerAgeYears: member.borrowerAgeYears,
    placementStage: member.placementStage,
    litigationStatus: member.litigationStatus,
    verdict: member.verdict,
    rules: ruleIds(member.firedRules).map((id) => ruleNamed(rules, id)),
    screening: screening
      ? {
          id: screening.id,
          asOf: screening.asOf,
          rulePack: screening.rulePackId,
          version: screening.rulePackVersion,
        }
      : null,
  };
}

export function splitView(result: SplitResult): z.infer<typeof schemas.SplitResultSchema> {
  return {
    parent: portfolioView(result.parent),
    lots: result.lots.map((lot) => ({
      ...portfolioView(lot.portfolio),
      loans: lot.loans,
      claim: formatFen(lot.claimFen),
    })),
  };
}
