import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { type IsoDate, Problem, type FieldError, type VerbContext } from '../../shared';
import { criteriaMatcher, type PortfolioCriteria } from '../criteria';
import { namedLoanErrors, namedLoanRefusal } from './named-loans';
import { insertPortfolio, type PortfolioRow } from '../record';
import {
  rulePacks,
  type RulePackId,
  completeScreening,
  startScreening,
  type ScreeningRun,
} from '../screening';
import { insertSnapshot, latestChargedOffTapeDate, namedLoanFacts } from './snapshot-repository';
import { useSelection } from './selection-function';

export interface CreatePortfolioRequest {
  name: string;
  cutOffDate: IsoDate;
  rulePack: RulePackId;
  criteria: PortfolioCriteria;
}

export interface CreatedPortfolio extends ScreeningRun {
  portfolio: PortfolioRow;
  loans: number;
  /** Loans the criteria take that another active portfolio holds: left out. */
  skippedHeldElsewhere: number;
}

const invalid = (errors: FieldError[]) =>
  new Problem('validation_failed', `${errors.length} invalid request field(s)`, { errors });

/** The cut-off must not precede the balances the book knows; named loans must be able to enter. */
function validate(tx: DbOrTx, request: CreatePortfolioRequest): void {
  const latestTape = latestChargedOffTapeDate(tx);
  if (latestTape !== null && request.cutOffDate < latestTape) {
    const message = `the cut-off date is before the latest tape date ${latestTape}: balances at an earlier date are not known`;
    throw invalid([{ field: 'json.cutOffDate', value: request.cutOffDate, message }]);
  }
  const { includeLoanIds = [], excludeLoanIds = [] } = request.criteria;
  const facts = namedLoanFacts(tx, [...includeLoanIds, ...excludeLoanIds]);
  const errors = [
    ...namedLoanErrors('json.criteria.includeLoanIds', includeLoanIds, (loanId) =>
      namedLoanRefusal(facts.get(loanId), request.cutOffDate),
    ),
    ...namedLoanErrors('json.criteria.excludeLoanIds', excludeLoanIds, (loanId) =>
      facts.has(loanId) ? undefined : 'no such loan',
    ),
  ];
  if (errors.length > 0) throw invalid(errors);
}

/**
 * Creates a draft portfolio inside the caller's transaction: snapshots at the cut-off every
 * written-off loan the criteria take that no active portfolio holds, screened with the rule pack
 * as of the cut-off date.
 * @throws Problem validation_failed for a cut-off before the book's tape date, refused loan ids, or no loan taken
 */
export function createPortfolio(
  ctx: VerbContext,
  request: CreatePortfolioRequest,
): CreatedPortfolio {
  const { tx, deps, actor } = ctx;
  validate(tx, request);
  const now = deps.clock.now();
  const pack = rulePacks[request.rulePack];
  const portfolio = insertPortfolio(tx, {
    name: request.name,
    status: 'draft',
    cutOffDate: request.cutOffDate,
    criteria: JSON.stringify(request.criteria),
    rulePackId: pack.id,
    rulePackVersion: pack.version,
    createdBy: actor.label,
    createdByUserId: actor.userId,
    createdAt: now,
    statusChangedAt: now,
  });
  // The snapshot is screened as it is taken: its verdicts are the first screening's.
  const screening = startScreening(ctx, { portfolio, asOf: request.cutOffDate });
  const selection = useSelection(tx, criteriaMatcher(request.criteria));
  const loans = insertSnapshot(tx, {
    portfolioId: portfolio.id,
    cutOffDate: request.cutOffDate,
    screeningId: screening.id,
  });
  const skippedHeldElsewhere = selection.heldElsewhere;
  if (loans === 0) {
    const message =
      skippedHeldElsewhere > 0
        ? `every loan the criteria take (${skippedHeldElsewhere}) is in another active portfolio`
        : 'no written-off loan meets the criteria';
    throw invalid([{ field: 'json.criteria', message }]);
  }
  recordAudit(tx, actor, now, {
    action: 'portfolio.created',
    targetType: 'portfolio',
    targetId: portfolio.id,
    detail: {
      name: portfolio.name,
      cutOffDate: portfolio.cutOffDate,
      rulePack: pack.id,
      version: pack.version,
      loans,
      skippedHeldElsewhere,
    },
  });
  return {
    portfolio,
    loans,
    skippedHeldElsewhere,
    ...completeScreening(ctx, { portfolio, screening, changes: [] }),
  };
}
