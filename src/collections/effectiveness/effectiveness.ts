import {
  asFen,
  type DelinquencyBucket,
  type Fen,
  type IsoDate,
  subtractFen,
  ZERO_FEN,
} from '../../shared';
import { bucketOf } from '../../loans';
import {
  placementsOf,
  type AccountEvent,
  type LadderAccount,
  type Placement,
} from './effectiveness-ladder';
import {
  placementOutcome,
  payerWindowsMonths,
  type PlacementOutcome,
} from './effectiveness-outcome';

export const effectivenessDimensions = ['channel', 'grade', 'stage', 'month'] as const;
export type EffectivenessDimension = (typeof effectivenessDimensions)[number];

/** Sums over placements; rates are taken from them when the report is read. */
export interface Tally {
  accounts: number;
  placements: number;
  placedFen: Fen;
  recoveredFen: Fen;
  costsFen: Fen;
  /** Per payer window (3, 6, 12 months): placements that paid within it, and placements whose window is over. */
  payers: number[];
  matured: number[];
}

export interface EffectivenessRow extends Tally {
  key: string;
  /** The same sums per month of placement (`YYYY-MM`), oldest first; empty when the rows are months. */
  trend: (Tally & { month: string })[];
}

export interface EffectivenessReport {
  by: EffectivenessDimension;
  rows: EffectivenessRow[];
  total: Tally;
}

export interface EffectivenessOptions {
  by: EffectivenessDimension;
  /** Placements that started in this window (inclusive; open ends when absent). */
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  /** The day the data run to: outcomes are followed up to it. */
  dataEnd: IsoDate;
  /** Days past due at charge-off of an account the tape no longer shows past due. */
  chargeOffDpd: number;
  /** The delinquency scheme that grades an account by its days past due at placement. */
  grades: readonly DelinquencyBucket[];
}

const emptyTally = (): Tally => ({
  accounts: 0,
  placements: 0,
  placedFen: ZERO_FEN,
  recoveredFen: ZERO_FEN,
  costsFen: ZERO_FEN,
  payers: payerWindowsMonths.map(() => 0),
  matured: payerWindowsMonths.map(() => 0),
});
const ORDER: Record<EffectivenessDimension, readonly string[]> = {
  channel: ['in_house', 'agency', 'legal'],
  stage: ['fresh', 'primary', 'secondary', 'tertiary'],
  grade: [],
  month: [],
};

/**
 * Collection effectiveness (催收成功率 and 催收成本评估) of the placements that started in a window,
 * grouped by channel, delinquency grade at placement, placement stage or month of placement:
 * accounts worked, amount placed and recovered while placed, costs spent meanwhile, and per payer
 * window how many placements paid. One pass over the accounts, one account at a time: memory
 * grows with the groups and months, not with the book.
 */
export function effectivenessReport(
  accounts: Iterable<{ account: LadderAccount; events: AccountEvent[] }>,
  options: EffectivenessOptions,
): EffectivenessReport {
  const keyOf: Record<EffectivenessDimension, (placement: Placement) => string> = {
    channel: (placement) => placement.channel,
    stage: (placement) => placement.stage,
    grade: (placement) => bucketOf(placement.daysPastDue, options.grades)?.code ?? 'current',
    month: (placement) => placement.startDate.slice(0, 7),
  };
  const rows = new Map<string, { tally: Tally; trend: Map<string, Tally> }>();
  const total = emptyTally();
  for (const { account, events } of accounts) {
    const touched = new Set<string>();
    for (const placement of placementsOf(account, events, options.dataEnd, options.chargeOffDpd)) {
      if (
        (options.from && placement.startDate < options.from) ||
        (options.to && placement.startDate > options.to)
      )
        continue;
      const key = keyOf[options.by](placement);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { tally: emptyTally(), trend: new Map() }));
      const outcome = placementOutcome(placement, events, options.dataEnd);
      const month = placement.startDate.slice(0, 7);
      const point = row.trend.get(month) ?? row.trend.set(month, emptyTally()).get(month)!;
      for (const tally of [row.tally, point, total]) add(tally, placement, outcome);
      if (!touched.has(key)) row.tally.accounts += 1;
      if (touched.size === 0) total.accounts += 1;
      touched.add(key);
    }
  }
  const order =
    options.by === 'grade' ? options.grades.map((bucket) => bucket.code) : ORDER[options.by];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return {
    by: options.by,
    rows: [...rows]
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([key, row]) => ({
        key,
        ...row.tally,
        trend:
          options.by === 'month'
            ? []
            : [...row.trend]
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([month, tally]) => ({ month, ...tally })),
      })),
    total,
  };
}

function add(tally: Tally, placement: Placement, outcome: PlacementOutcome): void {
  tally.placements += 1;
  tally.placedFen = asFen(tally.placedFen + placement.placedFen);
  tally.recoveredFen = asFen(tally.recoveredFen + outcome.recoveredFen);
  tally.costsFen = asFen(tally.costsFen + outcome.costsFen);
  outcome.maturedWithin.forEach((matured, w) => {
    if (!matured) return;
    tally.matured[w]! += 1;
    if (outcome.paidWithin[w]) tally.payers[w]! += 1;
  });
}

/** The rates of a tally: recovered ÷ placed, costs ÷ recovered (cost-to-collect), and per payer window payers ÷ placements whose window is over; null where the divisor is 0. */
export function effectivenessRates(tally: Tally) {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    recoveryRate: ratio(tally.recoveredFen, tally.placedFen),
    costToCollect: ratio(tally.costsFen, tally.recoveredFen),
    netRecoveryFen: subtractFen(tally.recoveredFen, tally.costsFen),
    payerRates: tally.payers.map((payers, w) => ratio(payers, tally.matured[w] ?? 0)),
  };
}
