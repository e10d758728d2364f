import { integerBands, moneyBands, namedBands, type BandScale, type PortfolioBands } from './bands';

/** The dimensions a portfolio can be stratified (and split into lots) by. */
export const stratDimensions = [
  'balance_band',
  'months_since_charge_off',
  'charge_off_age',
  'dpd_at_charge_off',
  'province',
  'product',
  'charge_off_year',
  'last_payment_recency',
  'borrower_age_band',
  'litigation_status',
  'placement_stage',
] as const;
export type StratDimension = (typeof stratDimensions)[number];

/**
 * How a dimension groups loans: into bands of a measure (rows in band order), or by the value of
 * a field (rows by claim, largest first). `unknownKey` names the row of loans without a value.
 */
export type DimensionScale =
  { kind: 'band'; scale: BandScale; unknownKey: string } | { kind: 'value'; unknownKey: string };

const UNKNOWN = 'unknown';

/** The scale of `dimension` under the configured bands. */
export function dimensionScale(dimension: StratDimension, bands: PortfolioBands): DimensionScale {
  switch (dimension) {
    case 'balance_band':
      return { kind: 'band', scale: moneyBands(bands.balanceYuan), unknownKey: UNKNOWN };
    case 'months_since_charge_off':
      return { kind: 'band', scale: integerBands(bands.monthsSinceChargeOff), unknownKey: UNKNOWN };
    case 'charge_off_age':
      return { kind: 'band', scale: namedBands(bands.chargeOffAge), unknownKey: UNKNOWN };
    case 'dpd_at_charge_off':
      return { kind: 'band', scale: integerBands(bands.dpdAtChargeOff), unknownKey: UNKNOWN };
    case 'last_payment_recency':
      return {
        kind: 'band',
        scale: integerBands(bands.monthsSinceLastPayment),
        unknownKey: 'never_paid',
      };
    case 'borrower_age_band':
      return { kind: 'band', scale: integerBands(bands.borrowerAgeYears), unknownKey: UNKNOWN };
    case 'province':
    case 'product':
    case 'charge_off_year':
    case 'litigation_status':
    case 'placement_stage':
      return { kind: 'value', unknownKey: UNKNOWN };
  }
}
