import type { z } from '@hono/zod-openapi';
import { type Fen, formatFen } from '../../shared';
import { lastDayOfMonth, monthIndex, type Percentiles } from '../maths';
import { costModelView } from '../curves';
import type { ValuationResults } from './valuation-results';
import type { ValuationSchema, ValuationSummarySchema } from './valuation-schemas';
import type { StoredInputs } from './valuation-service';
import type { ValuationRow } from './valuations-repository';

// Stored valuations as the API shows them: money as yuan strings (already whole fen), rates and ratios as numbers.

/** A stored valuation's JSON read back. */
export function storedValuation(row: ValuationRow): {
  inputs: StoredInputs;
  results: ValuationResults;
} {
  return {
    inputs: JSON.parse(row.inputs) as StoredInputs,
    results: JSON.parse(row.results) as ValuationResults,
  };
}

/** The month end of month t after the valuation date (t = 1 is the month after its month). */
export function flowDate(valuationDate: string, month: number): string {
  return lastDayOfMonth(monthIndex(valuationDate) + month);
}

const band = (p: Percentiles<Fen>) => ({
  p5: formatFen(p.p5),
  p50: formatFen(p.p50),
  p95: formatFen(p.p95),
});

function summaryOf(
  row: ValuationRow,
  results: ValuationResults,
): z.infer<typeof ValuationSummarySchema> {
  const { measures } = results;
  return {
    id: row.id,
    name: row.name,
    portfolioId: row.portfolioId,
    curveSetId: row.curveSetId,
    valuationDate: row.valuationDate,
    horizonMonths: row.horizonMonths,
    discountRateAnnual: row.discountRateAnnual,
    targetIrrAnnual: row.targetIrrAnnual,
    seed: row.seed,
    simulations: row.simulations,
    loans: results.loans,
    face: formatFen(measures.faceFen),
    npv: formatFen(measures.npvFen),
    price: formatFen(measures.priceFen),
    priceShareOfFace: measures.priceShareOfFace,
    recommendation: results.holdOrSell.recommendation,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

export function valuationSummaryView(row: ValuationRow): z.infer<typeof ValuationSummarySchema> {
  return summaryOf(row, storedValuation(row).results);
}

export function valuationView(row: ValuationRow): z.infer<typeof ValuationSchema> {
  const { inputs, results } = storedValuation(row);
  const { measures, monthly, sensitivity, distribution, holdOrSell } = results;
  return {
    ...summaryOf(row, results),
    notes: inputs.notes,
    inputs: {
      portfolioStatus: inputs.portfolioStatus,
      cutOffDate: inputs.cutOffDate,
      costOverrides: inputs.costOverrides,
      litigationPlan: inputs.litigationPlan,
      sensitivity: inputs.sensitivity,
    },
    costModel: costModelView(inputs.costModel),
    litigatedLoans: results.litigatedLoans,
    measures: {
      face: formatFen(measures.faceFen),
      erc: formatFen(measures.ercFen),
      costs: formatFen(measures.costsFen),
      netCollections: formatFen(measures.netCollectionsFen),
      npv: formatFen(measures.npvFen),
      price: formatFen(measures.priceFen),
      priceShareOfFace: measures.priceShareOfFace,
      grossMultiple: measures.grossMultiple ?? null,
      netMultiple: measures.netMultiple ?? null,
      paybackMonth: measures.paybackMonth ?? null,
    },
    monthly: monthly.grossFen.map((grossFen, t) => ({
      month: t + 1,
      date: flowDate(row.valuationDate, t + 1),
      gross: formatFen(grossFen),
      commission: formatFen(monthly.commissionFen[t]!),
      legal: formatFen(monthly.legalFen[t]!),
      fixed: formatFen(monthly.fixedFen[t]!),
      costs: formatFen(monthly.costsFen[t]!),
      net: formatFen(monthly.netFen[t]!),
    })),
    sensitivity: {
      ...sensitivity,
      prices: sensitivity.prices.map((prices) => prices.map(formatFen)),
    },
    distribution: {
      seed: distribution.seed,
      simulations: distribution.simulations,
      gross: band(distribution.grossFen),
      // Valuations stored before net bands were simulated have none.
      ...(distribution.netFen && { net: band(distribution.netFen) }),
      npv: band(distribution.npvFen),
      price: band(distribution.priceFen),
    },
    holdOrSell: {
      inHouseNpv: formatFen(holdOrSell.inHouseNpvFen),
      price: formatFen(holdOrSell.priceFen),
      difference: formatFen(holdOrSell.differenceFen),
      recommendation: holdOrSell.recommendation,
    },
    segments: results.segments.map(
      ({ faceFen, expectedGrossFen, expectedCostsFen, expectedNetFen, ...use }) => ({
        ...use,
        face: formatFen(faceFen),
        // Valuations stored before segments were projected apart have no expected collections.
        ...(expectedGrossFen !== undefined && {
          expectedGross: formatFen(expectedGrossFen),
          expectedCosts: formatFen(expectedCostsFen),
          expectedNet: formatFen(expectedNetFen),
        }),
      }),
    ),
  };
}
