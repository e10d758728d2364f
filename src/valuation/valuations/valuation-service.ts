import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { loansOnOffer, onOfferAmong, requirePortfolio, type PortfolioRow } from '../../portfolios';
import {
  type AppDeps,
  fenFromYuanRequest,
  type IsoDate,
  Problem,
  type VerbContext,
} from '../../shared';
import { withCostOverrides, type CostModel, type CostOverrides } from '../maths';
import {
  type CurveSetFit,
  type CurveSetRow,
  getCurveSet,
  storedFitSettings,
  storedCurves,
  storedHistory,
} from '../curves';
import { segmenter } from '../history';
import { valuationRates, type ValuationRates } from './valuation-rates';
import {
  valuationResults,
  type OfferedLoan,
  type ValuationResults,
  type ValuationSetup,
} from './valuation-results';
import type { ValuationRequest } from './valuation-schemas';
import { findValuation, insertValuation, type ValuationRow } from './valuations-repository';

/** A valuation computed and ready to store. */
interface PreparedValuation extends ValuationRates {
  portfolio: PortfolioRow;
  curveSet: CurveSetRow;
  valuationDate: IsoDate;
  horizonMonths: number;
  costModel: CostModel;
  results: ValuationResults;
}

/** What a stored valuation keeps of its inputs besides its columns (`inputs` JSON). */
export interface StoredInputs {
  portfolioStatus: string;
  cutOffDate: IsoDate;
  costOverrides: ValuationRequest['costOverrides'];
  litigationPlan: ValuationRequest['litigationPlan'];
  sensitivity: ValuationRequest['sensitivity'];
  notes: string[];
  costModel: CostModel;
}

/**
 * Values a portfolio's loans on offer with a stored curve set. Reads only: it runs before the
 * write transaction, which then just stores the result.
 * The loans are read one at a time from a cursor and kept only as numbers (`compileBook`).
 * @throws Problem `not_found` for an unknown portfolio or curve set; `conflict` for a sold portfolio, a horizon past the curve set's, a portfolio with no loan on offer, a loan charged off after the valuation date, or a history the bootstrap cannot redraw; `validation_failed` for a litigated loan that is not on offer
 */
export function prepareValuation(
  ctx: VerbContext,
  { portfolioId, request }: { portfolioId: number; request: ValuationRequest },
): PreparedValuation {
  const { deps } = ctx;
  const portfolio = requirePortfolio(ctx.tx, portfolioId);
  // A sold portfolio's loans are the buyer's: a new price for them means nothing to the seller.
  if (portfolio.status === 'sold' || portfolio.status === 'closed')
    throw new Problem(
      'conflict',
      `portfolio ${portfolioId} is ${portfolio.status === 'sold' ? 'sold' : 'sold and closed'}: it cannot be valued again; its valuations stay readable`,
      { portfolioStatus: portfolio.status },
    );
  const curveSet = getCurveSet(ctx.tx, request.curveSetId);
  const horizonMonths = request.horizonMonths ?? curveSet.horizonMonths;
  if (horizonMonths > curveSet.horizonMonths)
    throw new Problem(
      'conflict',
      `the horizon of ${horizonMonths} months is longer than curve set ${curveSet.id}'s ${curveSet.horizonMonths}`,
    );
  const valuationDate = request.valuationDate ?? portfolio.cutOffDate;
  const rates = valuationRates(request);
  const costModel = withCostOverrides(
    JSON.parse(curveSet.costModel) as CostModel,
    costOverridesFen(request.costOverrides),
  );
  const settings = storedFitSettings(curveSet);
  const setup: ValuationSetup = {
    loans: loansOnOffer(deps, portfolioId),
    curves: storedCurves(JSON.parse(curveSet.curves) as Pick<CurveSetFit, 'book' | 'segments'>),
    // A loan's dimensions are read at the date it is valued at (its charge-off age then), not at
    // the date the curves were fitted: no loan is put on a curve of an age it does not have.
    segmentOf: segmenter({
      dimensions: settings.dimensions,
      asOf: valuationDate,
      balanceBandEdgesYuan: settings.balanceBandEdgesYuan,
    }),
    litigates: litigationPlan(deps, portfolioId, request.litigationPlan),
    history: storedHistory((JSON.parse(curveSet.triangles) as CurveSetFit['triangles']).gross),
    curveFit: { horizonMonths: curveSet.horizonMonths, tailFromAge: curveSet.tailFromAge },
    costModel,
    valuationDate,
    terms: {
      horizonMonths,
      discountRateAnnual: rates.discountRateAnnual,
      targetIrrAnnual: rates.targetIrrAnnual,
      sensitivity: request.sensitivity,
    },
    seed: request.seed,
    simulations: request.simulations,
  };
  try {
    return {
      portfolio,
      curveSet,
      valuationDate,
      horizonMonths,
      ...rates,
      costModel,
      results: valuationResults(setup),
    };
  } catch (error) {
    // The request is valid; the portfolio (empty, or with a loan younger than the date) or the curve set's history does not support it.
    if (error instanceof RangeError)
      throw new Problem(
        'conflict',
        `portfolio ${portfolioId} cannot be valued so: ${error.message}`,
      );
    throw error;
  }
}

/** Stores a prepared valuation, with its audit event, in the caller's transaction. */
export function createValuation(
  ctx: VerbContext,
  { request, prepared }: { request: ValuationRequest; prepared: PreparedValuation },
): ValuationRow {
  const { tx, actor } = ctx;
  const now = ctx.deps.clock.now();
  const { portfolio, results } = prepared;
  const inputs: StoredInputs = {
    portfolioStatus: portfolio.status,
    cutOffDate: portfolio.cutOffDate,
    costOverrides: request.costOverrides,
    litigationPlan: request.litigationPlan,
    sensitivity: request.sensitivity,
    notes: prepared.notes,
    costModel: prepared.costModel,
  };
  const row = insertValuation(tx, {
    name: request.name ?? `Valuation at ${prepared.valuationDate}`,
    portfolioId: portfolio.id,
    curveSetId: prepared.curveSet.id,
    valuationDate: prepared.valuationDate,
    horizonMonths: prepared.horizonMonths,
    discountRateAnnual: prepared.discountRateAnnual,
    targetIrrAnnual: prepared.targetIrrAnnual,
    seed: request.seed,
    simulations: request.simulations,
    inputs: JSON.stringify(inputs),
    results: JSON.stringify(results),
    createdBy: actor.label,
    createdByUserId: actor.userId,
    createdAt: now,
  });
  recordAudit(tx, actor, now, {
    action: 'valuation.valuation.created',
    targetType: 'valuation',
    targetId: row.id,
    detail: {
      portfolioId: portfolio.id,
      curveSetId: row.curveSetId,
      loans: results.loans,
      priceFen: results.measures.priceFen,
      seed: row.seed,
      simulations: row.simulations,
    },
  });
  return row;
}

/** @throws Problem `not_found` */
export function getValuation(db: DbOrTx, id: number): ValuationRow {
  const row = findValuation(db, id);
  if (!row) throw new Problem('not_found', `no valuation ${id}`);
  return row;
}

/** Whether the plan sues a loan: its litigation status at the cut-off is one named, or the loan itself is. @throws Problem `validation_failed` for a named loan that is not on offer */
function litigationPlan(
  deps: AppDeps,
  portfolioId: number,
  plan: ValuationRequest['litigationPlan'],
): (loan: OfferedLoan) => boolean {
  const named = onOfferAmong(deps, portfolioId, plan.loanIds);
  const missing = plan.loanIds.filter((loanId) => !named.has(loanId));
  if (missing.length > 0) {
    throw new Problem('validation_failed', '1 invalid request field(s)', {
      errors: [
        {
          field: 'json.litigationPlan.loanIds',
          message: `not on offer in the portfolio: ${missing.slice(0, 10).join(', ')}`,
        },
      ],
    });
  }
  const statuses = new Set<string>(plan.statuses);
  return (loan) => statuses.has(loan.litigationStatus) || named.has(loan.loanId);
}

/**
 * The request's overrides in fen; a channel's rate or share is never undefined once given. The
 * amounts stay yuan strings in the request, as the stored inputs show them, and are read here by
 * the API's own reading of a yuan amount (`fenFromYuanRequest`).
 */
function costOverridesFen(overrides: ValuationRequest['costOverrides']): CostOverrides {
  const fen = (yuan: string | undefined) =>
    yuan === undefined ? undefined : fenFromYuanRequest.parse(yuan);
  return {
    commissionRateByChannel: overrides.commissionRateByChannel as
      Record<string, number> | undefined,
    channelMixByAge: overrides.channelMixByAge as Record<string, number>[] | undefined,
    legalCostPerLitigatedAccountFen: fen(overrides.legalCostPerLitigatedAccount),
    fixedCostPerAccountMonthFen: fen(overrides.fixedCostPerAccountMonth),
  };
}
