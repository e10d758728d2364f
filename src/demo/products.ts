import { WeightedChoice } from './random';

export type DemoProduct = 'consumer_loan' | 'credit_card' | 'cash_loan' | 'small_business';

/** How a product lends, and how its charged-off paper liquidates. */
export interface ProductTerms {
  product: DemoProduct;
  /** Original principal (the credit limit for cards) is log-normal: median in yuan, σ, bounds. */
  principalMedianYuan: number;
  principalSigma: number;
  principalMinYuan: number;
  principalMaxYuan: number;
  /** Instalment terms offered; empty for a revolving product (no maturity date). */
  termMonths: readonly number[];
  annualRateMin: number;
  annualRateMax: number;
  /** Late fee charged for each missed monthly instalment, in yuan. */
  lateFeeYuan: number;
  channels: WeightedChoice<string>;
  /**
   * The liquidation curve of its charged-off paper for a mid balance band: cumulative recovery
   * after 36 months as a share of the charge-off claim, and the monthly decay of the
   * incremental rate (see liquidation-curve.ts).
   */
  recovered36Share: number;
  decayPerMonth: number;
  /** Share of its charged-off accounts that go to court. */
  litigationShare: number;
}

const onlineChannels = new WeightedChoice([
  ['app', 0.55],
  ['web', 0.15],
  ['partner', 0.25],
  ['offline', 0.05],
]);

/** The four products: 消费贷, 信用卡, 现金贷, 小微经营贷. */
export const productTerms: Record<DemoProduct, ProductTerms> = {
  consumer_loan: {
    product: 'consumer_loan',
    principalMedianYuan: 30_000,
    principalSigma: 0.7,
    principalMinYuan: 2_000,
    principalMaxYuan: 300_000,
    termMonths: [12, 24, 36],
    annualRateMin: 0.1,
    annualRateMax: 0.24,
    lateFeeYuan: 50,
    channels: new WeightedChoice([
      ['app', 0.4],
      ['web', 0.15],
      ['partner', 0.3],
      ['offline', 0.15],
    ]),
    recovered36Share: 0.14,
    decayPerMonth: 0.06,
    litigationShare: 0.08,
  },
  credit_card: {
    product: 'credit_card',
    principalMedianYuan: 20_000,
    principalSigma: 0.8,
    principalMinYuan: 1_000,
    principalMaxYuan: 500_000,
    termMonths: [],
    annualRateMin: 0.1825,
    annualRateMax: 0.1825,
    lateFeeYuan: 50,
    channels: new WeightedChoice([
      ['app', 0.3],
      ['web', 0.2],
      ['partner', 0.1],
      ['offline', 0.4],
    ]),
    recovered36Share: 0.17,
    decayPerMonth: 0.07,
    litigationShare: 0.06,
  },
  cash_loan: {
    product: 'cash_loan',
    principalMedianYuan: 8_000,
    principalSigma: 0.6,
    principalMinYuan: 500,
    principalMaxYuan: 50_000,
    termMonths: [3, 6, 12],
    annualRateMin: 0.18,
    annualRateMax: 0.36,
    lateFeeYuan: 30,
    channels: onlineChannels,
    recovered36Share: 0.2,
    decayPerMonth: 0.1,
    litigationShare: 0.02,
  },
  small_business: {
    product: 'small_business',
    principalMedianYuan: 100_000,
    principalSigma: 0.8,
    principalMinYuan: 10_000,
    principalMaxYuan: 3_000_000,
    termMonths: [12, 24, 36],
    annualRateMin: 0.08,
    annualRateMax: 0.18,
    lateFeeYuan: 100,
    channels: new WeightedChoice([
      ['app', 0.2],
      ['web', 0.1],
      ['partner', 0.2],
      ['offline', 0.5],
    ]),
    recovered36Share: 0.09,
    decayPerMonth: 0.045,
    litigationShare: 0.3,
  },
};

/** The product mix of the book. */
export const demoProducts = new WeightedChoice<DemoProduct>([
  ['consumer_loan', 0.35],
  ['credit_card', 0.25],
  ['cash_loan', 0.3],
  ['small_business', 0.1],
]);
