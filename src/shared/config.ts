import { z } from 'zod';

/** A delinquency bucket: loans whose days past due fall in `[minDays, maxDays]` (open-ended if no max). */
export interface DelinquencyBucket {
  code: string;
  label: string;
  minDays: number;
  maxDays?: number;
}

/**
 * Checks that a bucket scheme puts every days-past-due value from 1 up in exactly one bucket:
 * buckets sorted, non-overlapping and without gaps, the first from 1 day, only the last open-ended.
 * Without that, a delinquency report's rows would not add up to its totals.
 * @throws Error naming the scheme and the first broken rule
 */
export function assertValidDelinquencyScheme(
  name: string,
  buckets: readonly DelinquencyBucket[],
): void {
  const fail = (rule: string) => {
    throw new Error(`delinquency scheme "${name}" is invalid: ${rule}`);
  };
  if (buckets.length === 0) fail('it has no buckets');
  let expectedMinDays = 1;
  buckets.forEach((bucket, index) => {
    const isLast = index === buckets.length - 1;
    if (!Number.isInteger(bucket.minDays) || bucket.minDays < 1)
      fail(`${bucket.code} starts below 1 day`);
    if (bucket.minDays < expectedMinDays)
      fail(
        `${bucket.code} overlaps or is out of order (starts at ${bucket.minDays}, expected ${expectedMinDays})`,
      );
    if (bucket.minDays > expectedMinDays)
      fail(
        `days ${expectedMinDays}–${bucket.minDays - 1} fall in no bucket (before ${bucket.code})`,
      );
    if (bucket.maxDays === undefined) {
      if (!isLast) fail(`${bucket.code} is open-ended but is not the last bucket`);
      return;
    }
    if (!Number.isInteger(bucket.maxDays) || bucket.maxDays < bucket.minDays)
      fail(`${bucket.code} ends before it starts`);
    if (isLast) fail(`the last bucket ${bucket.code} must be open-ended`);
    expectedMinDays = bucket.maxDays + 1;
  });
}

// ── Ledger ───────────────────────────────────────────────────────────────────────────────────

/** The accounting choices a lender configures for write-offs, recoveries and sales. */
export interface LedgerPolicy {
  /**
   * Where accrued interest, penalty interest and fees are reversed at write-off: against the income
   * they were accrued to (`income`: interest income, fee income) or against the loan-loss allowance.
   */
  accruedReversal: 'income' | 'allowance';
  /** What a recovery after write-off credits: back to the allowance, or to recovery income. */
  recoveriesTo: 'allowance' | 'recovery_income';
  /** What the price of sold written-off debt credits: the allowance, or gain on transfer of loans. */
  saleProceedsTo: 'allowance' | 'transfer_gain';
}

export const defaultLedgerPolicy: LedgerPolicy = {
  accruedReversal: 'income',
  recoveriesTo: 'allowance',
  saleProceedsTo: 'transfer_gain',
};

/** Loans a sale books per chunk: its lines and register positions are read and written a chunk at a time. */
export const saleChunkLoans = 10_000;

// ── Transfer: the sale of written-off debt and its after-life ──────────────────────────────

/** The terms the seller offers with a sale: who it is, the put-back window, the forwarding term. */
export interface TransferTerms {
  /** The seller as data rooms, transfer packages and notices name it. */
  sellerName: string;
  /** Days after settlement in which the buyer may return ineligible accounts (put-back, 回购). */
  putBackWindowDays: number;
  /** Business days the seller has to forward a collection it holds for the buyer. */
  forwardingBusinessDays: number;
}

/**
 * The terms when the lender sets none: a 120-day put-back window and ten business days to forward
 * a collection, as sale contracts of charged-off consumer debt commonly give.
 */
export const defaultTransferTerms: TransferTerms = {
  sellerName: '示范消费金融有限公司 Demo Consumer Finance Co., Ltd.',
  putBackWindowDays: 120,
  forwardingBusinessDays: 10,
};

/** The configured transfer terms, each absent one taking its default. */
export function transferTermsOf(config: PlatformConfig): TransferTerms {
  return { ...defaultTransferTerms, ...config.transfer };
}
// ── Portfolios ─────────────────────────────────────────────────────────────────────────────────
// The portfolio room's defaults: strat bands (overridable per deployment through
// `PlatformConfig.portfolios`) and what a portfolio request takes when it leaves a choice open.

/**
 * Band edges of the stratification tables, as configuration (`PlatformConfig.portfolios`). Each
 * list holds the lower edges of its bands, from 0 and strictly increasing: a value falls in the
 * last band whose edge it reaches, so the last band is open-ended. Every banded measure is ≥ 0.
 */
export interface PortfolioBands {
  /** Total claim at the cut-off, in yuan. */
  balanceYuan: number[];
  monthsSinceChargeOff: number[];
  dpdAtChargeOff: number[];
  /** Months from the last payment to the cut-off; loans never paid form their own row. */
  monthsSinceLastPayment: number[];
  /** Borrower's age at the cut-off, in years. */
  borrowerAgeYears: number[];
  /** Classes of paper by months since charge-off, as the trade names them (fresh, primary, secondary, tertiary). */
  chargeOffAge: { fromMonths: number; label: string }[];
}

export const defaultPortfolioBands: PortfolioBands = {
  balanceYuan: [0, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000],
  monthsSinceChargeOff: [0, 6, 12, 24, 36, 48],
  dpdAtChargeOff: [0, 91, 121, 181, 361],
  monthsSinceLastPayment: [0, 3, 6, 12, 24, 36],
  borrowerAgeYears: [0, 25, 30, 35, 40, 50, 60],
  chargeOffAge: [
    { fromMonths: 0, label: 'fresh' },
    { fromMonths: 6, label: 'primary' },
    { fromMonths: 12, label: 'secondary' },
    { fromMonths: 24, label: 'tertiary' },
  ],
};

// ── Valuation ────────────────────────────────────────────────────────────────────────────────
/**
 * What a curve set, a back-test or a valuation assumes when its request leaves a setting out. The
 * API's schemas take these as their defaults, so the OpenAPI document states them.
 */
export interface ValuationDefaults {
  /** Charge-off cohorts (static pools) of a curve set or back-test. */
  cohort: 'month' | 'quarter' | 'year';
  method: 'additive' | 'chain_ladder';
  /** Months of age a recovery curve runs to: 84, 120 or 180. */
  horizonMonths: 84 | 120 | 180;
  /** Bühlmann's k, in accounts: a segment with k accounts gets half the weight, its parent the rest. */
  credibilityK: number;
  /** The first month of age the exponential tail is fitted from: the first placements are over by then. */
  tailFromAge: number;
  /** Lower edges in yuan of the balance bands on the charge-off amount: where recovery rates differ most for consumer paper. */
  balanceBandEdgesYuan: readonly number[];
  /** Seed of the bootstraps: the same seed gives the same band. */
  seed: number;
  backtestSimulations: number;
  valuationSimulations: number;
  /** Relative changes of every recovery rate on the sensitivity grid's rows: −0.2 collects 80 % of the curve. */
  recoveryShocks: readonly number[];
  /** Annual discount rates on the sensitivity grid's columns. */
  discountRatesAnnual: readonly number[];
  /** Litigation statuses a plan sues: lawsuits still open, whose legal costs are yet to be spent. */
  litigatedStatuses: readonly ('filed' | 'judgment' | 'enforcement')[];
  /** How Mack's σ of the last development ages is extrapolated: R ChainLadder's log-linear default, or Mack's (1993) rule. */
  mackSigma: 'log-linear' | 'mack';
}

export const defaultValuation: ValuationDefaults = {
  cohort: 'month',
  method: 'additive',
  horizonMonths: 120,
  credibilityK: 500,
  tailFromAge: 6,
  balanceBandEdgesYuan: [0, 5_000, 20_000, 100_000],
  seed: 1,
  backtestSimulations: 500,
  valuationSimulations: 1000,
  recoveryShocks: [-0.3, -0.2, -0.1, 0, 0.1, 0.2],
  discountRatesAnnual: [0.08, 0.12, 0.16, 0.2, 0.25],
  litigatedStatuses: ['filed', 'judgment', 'enforcement'],
  mackSigma: 'log-linear',
};
// ── End of valuation ─────────────────────────────────────────────────────────────────────────
/** What a portfolio request takes when it names nothing, and the summary's fixed sizes. */
export const defaultPortfolioRequests = {
  /** The rule pack a new portfolio is screened with (the PRC personal NPL pack). */
  rulePack: 'cn-personal-npl',
  /** The dimensions balanced lots mirror the mix of. */
  stratifyBy: ['product', 'charge_off_age'],
  /** How many provinces, largest claim first, the portfolio summary names. */
  topProvinces: 5,
} as const;

// ── End of portfolios ──────────────────────────────────────────────────────────────────────────

// ── Imports: what one cell of a loan tape or a collection history may hold ───────────────────

/**
 * Bounds on import cells. Ids (loan, borrower, national id, phone) fit in 64 characters in every
 * core banking system we know of (a GB 11643 id is 18, a loan number rarely 30); other text gets
 * 500, room for a long address or note but not for a pasted document. Dates before 1900 predate
 * Excel's own calendar (serial 1 = 1900-01-01) and any consumer loan; a maturity after 2200 is a
 * placeholder such as 9999-12-31, not a contract term.
 */
export const importCellLimits = {
  idMaxChars: 64,
  textMaxChars: 500,
  earliestDate: '1900-01-01',
  latestDate: '2200-12-31',
} as const;

/** Platform configuration: policy values that a lender sets, not code. */
export interface PlatformConfig {
  /** Days past due from which a loan becomes a charge-off candidate (坏账认定). */
  chargeOffDpdThreshold: number;
  /** Delinquency bucket schemes by name; `grades` and `m_buckets` are built in. */
  delinquencySchemes: Record<string, DelinquencyBucket[]>;
  /** Largest request body accepted for JSON routes, in bytes. */
  jsonBodyLimitBytes: number;
  /** Largest uploaded file accepted by the import routes, in bytes. */
  importBodyLimitBytes: number;
  /**
   * Longest record of an imported CSV file, in characters. A tape row is well under 2 KB and Excel
   * caps a cell at 32,767 characters; 1 Mi characters holds 32 such cells, and refuses a file
   * that is not a table (a binary, a line that never ends) after 1 MiB rather than its whole size.
   */
  importRecordLimitChars: number;
  /**
   * Failed authentications (an unknown, revoked or expired bearer token) allowed per client address
   * and per presented token prefix within a sliding window; past it the answer is 429.
   */
  failedAuthentication: { attempts: number; windowSeconds: number };
  /** Write-off, recovery and sale accounting choices; each absent one takes its default (`defaultLedgerPolicy` above). */
  ledger?: Partial<LedgerPolicy>;
  /** Band edges of the portfolio strats; each absent list takes its default (`defaultPortfolioBands` above). */
  portfolios?: Partial<PortfolioBands>;
  /** The sale's terms; each absent one takes its default (`defaultTransferTerms` above). */
  transfer?: Partial<TransferTerms>;
}

export const builtInDelinquencySchemes: Record<string, DelinquencyBucket[]> = {
  // The three grades used in practice (docs/domain.md §1.1: 轻度 / 中度 / 重度).
  grades: [
    { code: 'mild', label: '轻度 mild (1–30)', minDays: 1, maxDays: 30 },
    { code: 'moderate', label: '中度 moderate (31–90)', minDays: 31, maxDays: 90 },
    { code: 'severe', label: '重度 severe (>90)', minDays: 91 },
  ],
  m_buckets: [
    { code: 'M1', label: 'M1 (1–30)', minDays: 1, maxDays: 30 },
    { code: 'M2', label: 'M2 (31–60)', minDays: 31, maxDays: 60 },
    { code: 'M3', label: 'M3 (61–90)', minDays: 61, maxDays: 90 },
    { code: 'M4', label: 'M4 (91–120)', minDays: 91, maxDays: 120 },
    { code: 'M5', label: 'M5 (121–150)', minDays: 121, maxDays: 150 },
    { code: 'M6', label: 'M6 (151–180)', minDays: 151, maxDays: 180 },
    { code: 'M7+', label: 'M7+ (>180)', minDays: 181 },
  ],
};

export const defaultConfig: PlatformConfig = {
  chargeOffDpdThreshold: 180,
  delinquencySchemes: builtInDelinquencySchemes,
  jsonBodyLimitBytes: 1024 * 1024,
  importBodyLimitBytes: 2 * 1024 * 1024 * 1024,
  importRecordLimitChars: 1024 * 1024,
  // Ten a minute: more than a person mistyping or a script with a stale token needs, far fewer
  // than a token spray wants.
  failedAuthentication: { attempts: 10, windowSeconds: 60 },
};

const bucketSchema = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  minDays: z.number().int(),
  maxDays: z.number().int().optional(),
});

/** `DELINQUENCY_SCHEMES`: JSON `{ "<name>": [bucket, …] }`, added to (or replacing) the built-in schemes. */
const schemesSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(bucketSchema));

const envSchema = z.object({
  CHARGE_OFF_DPD_THRESHOLD: z.coerce.number().int().positive().optional(),
  IMPORT_BODY_LIMIT_MB: z.coerce.number().int().positive().optional(),
  DATABASE_PATH: z.string().min(1).optional(),
  DELINQUENCY_SCHEMES: z.string().optional(),
  SELLER_NAME: z.string().trim().min(1).optional(),
  PUT_BACK_WINDOW_DAYS: z.coerce.number().int().min(0).optional(),
  FORWARDING_BUSINESS_DAYS: z.coerce.number().int().positive().optional(),
});

function delinquencySchemesFromEnv(json: string | undefined): Record<string, DelinquencyBucket[]> {
  if (json === undefined) return builtInDelinquencySchemes;
  const schemes = { ...builtInDelinquencySchemes, ...schemesSchema.parse(JSON.parse(json)) };
  for (const [name, buckets] of Object.entries(schemes))
    assertValidDelinquencyScheme(name, buckets);
  return schemes;
}

/** The configuration from environment variables, over the defaults. */
export function configFromEnv(env: Record<string, string | undefined>): PlatformConfig {
  const parsed = envSchema.parse(env);
  return {
    ...defaultConfig,
    chargeOffDpdThreshold: parsed.CHARGE_OFF_DPD_THRESHOLD ?? defaultConfig.chargeOffDpdThreshold,
    delinquencySchemes: delinquencySchemesFromEnv(parsed.DELINQUENCY_SCHEMES),
    importBodyLimitBytes: parsed.IMPORT_BODY_LIMIT_MB
      ? parsed.IMPORT_BODY_LIMIT_MB * 1024 * 1024
      : defaultConfig.importBodyLimitBytes,
    transfer: Object.fromEntries(
      Object.entries({
        sellerName: parsed.SELLER_NAME,
        putBackWindowDays: parsed.PUT_BACK_WINDOW_DAYS,
        forwardingBusinessDays: parsed.FORWARDING_BUSINESS_DAYS,
      }).filter(([, value]) => value !== undefined),
    ),
  };
}
