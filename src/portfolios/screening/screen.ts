import { recordAudit } from '../../audit';
import { type IsoDate, Problem, type VerbContext } from '../../shared';
import {
  insertScreening,
  updatePortfolio,
  updateScreening,
  type PortfolioRow,
  type ScreeningRow,
  requirePortfolio,
  requireStatus,
} from '../record';
import { ruleTable, type RulePack } from './rule-pack';
import { rulePacks, type RulePackId } from './rule-packs';
import {
  differingOutcomes,
  insertVerdictChanges,
  verdictCounts,
  writeVerdicts,
  type VerdictChange,
} from './screening-repository';
import { useScreening } from './screening-functions';

export interface ScreeningRun {
  screening: ScreeningRow;
  /** Loans whose verdict or fired rules differ from the screening before, by loan id. */
  changes: VerdictChange[];
}

function rulePackOf(portfolio: PortfolioRow): RulePack {
  const pack = rulePacks[portfolio.rulePackId as RulePackId];
  if (!pack)
    throw new Error(`portfolio ${portfolio.id} names an unknown rule pack ${portfolio.rulePackId}`);
  return pack;
}

/**
 * Opens a screening of `portfolio` as of `asOf` with the current version of its rule pack: the
 * record that the verdicts it sets will name; its SQL functions are registered for that date.
 */
export function startScreening(
  { tx, deps, actor }: VerbContext,
  { portfolio, asOf }: { portfolio: PortfolioRow; asOf: IsoDate },
): ScreeningRow {
  const pack = rulePackOf(portfolio);
  useScreening(tx, pack, asOf);
  return insertScreening(tx, {
    portfolioId: portfolio.id,
    asOf,
    rulePackId: pack.id,
    rulePackVersion: pack.version,
    rules: JSON.stringify(ruleTable(pack)),
    eligibleCount: 0,
    flaggedCount: 0,
    excludedCount: 0,
    changedCount: 0,
    screenedAt: deps.clock.now(),
    screenedBy: actor.label,
    screenedByUserId: actor.userId,
  });
}

/** Closes a screening: its counts of the portfolio's verdicts and of `changes`, and the audit trail. */
export function completeScreening(
  { tx, deps, actor }: VerbContext,
  {
    portfolio,
    screening,
    changes,
  }: { portfolio: PortfolioRow; screening: ScreeningRow; changes: VerdictChange[] },
): ScreeningRun {
  const counts = verdictCounts(tx, portfolio.id);
  const completed = updateScreening(tx, screening.id, {
    eligibleCount: counts.eligible,
    flaggedCount: counts.flagged,
    excludedCount: counts.excluded,
    changedCount: changes.length,
  });
  if (screening.rulePackVersion !== portfolio.rulePackVersion)
    updatePortfolio(tx, portfolio.id, { rulePackVersion: screening.rulePackVersion });
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'portfolio.screened',
    targetType: 'portfolio',
    targetId: portfolio.id,
    detail: {
      screeningId: screening.id,
      asOf: screening.asOf,
      rulePack: screening.rulePackId,
      version: screening.rulePackVersion,
      ...counts,
      changed: changes.length,
    },
  });
  return { screening: completed, changes };
}

/**
 * Screens every loan of `portfolio` in the started `screening`, inside the caller's transaction:
 * stores the outcome of each loan whose stored verdict or fired rules it does not confirm (crediting
 * it to this screening), and a history row for each earlier verdict it changes. Rows already
 * credited to this screening, or never screened, have no earlier verdict to change.
 */
export function runScreening(
  ctx: VerbContext,
  { portfolio, screening }: { portfolio: PortfolioRow; screening: ScreeningRow },
): ScreeningRun {
  const { tx } = ctx;
  const differing = differingOutcomes(tx, portfolio.id, portfolio.cutOffDate, screening.asOf);
  writeVerdicts(
    tx,
    screening.id,
    differing.map(({ id, newVerdict, newFiredRules }) => ({
      id,
      verdict: newVerdict,
      firedRules: newFiredRules,
    })),
  );
  const changes: VerdictChange[] = [];
  for (const row of differing) {
    if (row.verdict === null || row.screeningId === screening.id) continue;
    changes.push({
      loanId: row.loanId,
      previousVerdict: row.verdict,
      previousFiredRules: row.firedRules,
      verdict: row.newVerdict,
      firedRules: row.newFiredRules,
    });
  }
  changes.sort((a, b) => (a.loanId < b.loanId ? -1 : a.loanId > b.loanId ? 1 : 0));
  insertVerdictChanges(tx, screening.id, changes);
  return completeScreening(ctx, { portfolio, screening, changes });
}

/** What `screenPortfolio` takes: the portfolio and the screening date (default today). */
export interface ScreenPortfolioInput {
  portfolioId: number;
  asOf?: IsoDate;
}

/**
 * Screens a portfolio again as of `asOf` (default today): the bring-down at closing. Allowed until
 * the portfolio is sold; verdicts change, membership and snapshot do not. A sold portfolio's
 * verdicts are what its settlement sold: screening it again (its loans are sold now) would rewrite
 * that record.
 * @throws Problem not_found, conflict for a sold portfolio or one that let go of its loans, validation_failed for a date before the cut-off
 */
export function screenPortfolio(ctx: VerbContext, input: ScreenPortfolioInput): ScreeningRun {
  const { portfolioId, asOf = ctx.deps.clock.today() } = input;
  const portfolio = requirePortfolio(ctx.tx, portfolioId);
  requireStatus(portfolio, ['draft', 'locked', 'offered', 'awarded'], 'screening');
  if (asOf < portfolio.cutOffDate) {
    const message = `a screening cannot be dated before the cut-off date ${portfolio.cutOffDate}`;
    throw new Problem('validation_failed', message, {
      errors: [{ field: 'json.asOf', value: asOf, message }],
    });
  }
  return runScreening(ctx, { portfolio, screening: startScreening(ctx, { portfolio, asOf }) });
}
