import { z } from '@hono/zod-openapi';
import { cohortGrains, curveMethods } from '../../../db';
import { lastCompleteMonth, monthIndex } from '../maths';
import { segmentDimensions } from '../history';
import { defaultValuation, isoDate } from '../../shared';

// The request atoms shared by curve sets and back-tests, hand-written so the tables can change without breaking callers.

export const monthEnd = isoDate.refine((date) => lastCompleteMonth(date) === monthIndex(date), {
  message: 'must be the last day of a month',
});
/** The months a recovery curve runs to, and so a valuation's horizon. */
export const horizonMonths = z.union([z.literal(84), z.literal(120), z.literal(180)]);

const increasingFromZero = (edges: readonly number[]) =>
  edges[0] === 0 && edges.every((edge, i) => i === 0 || edge > (edges[i - 1] ?? 0));

/** How curves are fitted: the same settings for a curve set and a back-test. */
export const FitSettingsSchema = z.object({
  cohort: z
    .enum(cohortGrains)
    .default(defaultValuation.cohort)
    .openapi({ description: 'Charge-off cohorts (static pools) by month, quarter or year' }),
  method: z.enum(curveMethods).default(defaultValuation.method).openapi({
    description:
      '`additive`: collections per unit of charged-off balance at each age; `chain_ladder`: volume-weighted age-to-age factors. Both end in an exponential tail.',
  }),
  dimensions: z
    .array(z.enum(segmentDimensions))
    .max(4)
    .default([])
    .refine((dimensions) => new Set(dimensions).size === dimensions.length, {
      message: 'a dimension may appear once',
    })
    .openapi({ description: 'Segment the book by these; none fits the whole book only' }),
  balanceBandEdgesYuan: z
    .array(z.number().min(0).max(1e9))
    .min(1)
    .max(20)
    .default([...defaultValuation.balanceBandEdgesYuan])
    .refine(increasingFromZero, { message: 'band edges must start at 0 and increase' })
    .openapi({
      description: 'Lower edges in yuan of the balance bands on the charge-off amount',
    }),
  horizonMonths: horizonMonths.default(defaultValuation.horizonMonths),
  credibilityK: z.number().min(0).max(1e7).default(defaultValuation.credibilityK).openapi({
    description:
      "Bühlmann's k in accounts: a segment with k accounts gets half the weight, its parent the rest",
  }),
  tailFromAge: z
    .number()
    .int()
    .min(0)
    .max(60)
    .default(defaultValuation.tailFromAge)
    .openapi({ description: 'The first month of age the exponential tail is fitted from' }),
});
export type FitSettings = z.infer<typeof FitSettingsSchema>;

/** The fit settings as a stored curve set or back-test shows them (the fields of both summaries). */
export const StoredFitSettingsFields = {
  cohort: z.enum(cohortGrains),
  method: z.enum(curveMethods),
  dimensions: z.array(z.enum(segmentDimensions)),
  balanceBandEdgesYuan: z.array(z.number()),
  horizonMonths: z.number().int(),
  credibilityK: z.number(),
  tailFromAge: z.number().int(),
};
