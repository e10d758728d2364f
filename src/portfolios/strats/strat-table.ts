import { asFen, type Fen } from '../../shared';
import type { DimensionScale } from './dimensions';

/**
 * Exact integer sums over a group of loans, as SQL returns them (BigInt: claim × days can pass
 * 2^53 on a large book). Weighted averages are weighted by total claim:
 *   waMonthsSinceChargeOff = Σ(claim · months since charge-off) / Σ claim
 *   waDpd                  = Σ(claim · days past due at the cut-off) / Σ claim
 */
export interface StratSums {
  loans: bigint;
  claimFen: bigint;
  principalFen: bigint;
  claimMonths: bigint;
  claimDpd: bigint;
}

/** One row of a stratification table; percentages and averages to 2 decimals, half up. */
export interface StratRow {
  key: string;
  loans: number;
  /** Share of the table's loans, in percent. */
  loansPct: number;
  claimFen: Fen;
  /** Share of the table's total claim, in percent. */
  claimPct: number;
  principalFen: Fen;
  /** Rounded to the fen; null for an empty table. */
  averageClaimFen: Fen | null;
  /** Weighted by claim; null when the claim is zero. */
  waMonthsSinceChargeOff: number | null;
  waDpd: number | null;
}

export interface StratTable {
  rows: StratRow[];
  totals: StratRow;
}

export const ZERO_SUMS: StratSums = Object.freeze({
  loans: 0n,
  claimFen: 0n,
  principalFen: 0n,
  claimMonths: 0n,
  claimDpd: 0n,
});

export function addSums(a: StratSums, b: StratSums): StratSums {
  return {
    loans: a.loans + b.loans,
    claimFen: a.claimFen + b.claimFen,
    principalFen: a.principalFen + b.principalFen,
    claimMonths: a.claimMonths + b.claimMonths,
    claimDpd: a.claimDpd + b.claimDpd,
  };
}

/**
 * An exact integer as a number.
 * @throws RangeError past Number.MAX_SAFE_INTEGER
 */
export function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`${value} is past the safe integer range`);
  return Number(value);
}

/** A sum of fen read back as BigInt, as money. @throws RangeError past Number.MAX_SAFE_INTEGER */
export function safeFen(value: bigint): Fen {
  return asFen(safeNumber(value));
}

/**
 * numerator / denominator to `decimals` places, half up, computed on integers so that the same
 * sums always give the same figure; null when the denominator is 0.
 * @example roundedRatio(2n, 3n, 2) // 0.67
 * @throws RangeError for a negative operand
 */
export function roundedRatio(
  numerator: bigint,
  denominator: bigint,
  decimals: number,
): number | null {
  if (numerator < 0n || denominator < 0n)
    throw new RangeError('ratios of negative sums are not defined here');
  if (denominator === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  return safeNumber((2n * numerator * scale + denominator) / (2n * denominator)) / Number(scale);
}

/** A table row from its sums and the table's totals. */
export function stratRow(key: string, sums: StratSums, totals: StratSums): StratRow {
  const averageClaimFen = roundedRatio(sums.claimFen, sums.loans, 0);
  return {
    key,
    loans: safeNumber(sums.loans),
    loansPct: roundedRatio(100n * sums.loans, totals.loans, 2) ?? 0,
    claimFen: safeFen(sums.claimFen),
    claimPct: roundedRatio(100n * sums.claimFen, totals.claimFen, 2) ?? 0,
    principalFen: safeFen(sums.principalFen),
    averageClaimFen: averageClaimFen === null ? null : asFen(averageClaimFen),
    waMonthsSinceChargeOff: roundedRatio(sums.claimMonths, sums.claimFen, 2),
    waDpd: roundedRatio(sums.claimDpd, sums.claimFen, 2),
  };
}

/** A group as SQL returns it: the band index or the field's value (null when unknown), with its sums. */
export interface StratGroup {
  group: number | string | null;
  sums: StratSums;
}

/**
 * The stratification table of `groups` on `scale`: band rows in band order, value rows by claim
 * (largest first, then key), the unknown row last; totals are the sums of the rows.
 * @throws Error for a band index outside the scale, which would mean the SQL and the scale drifted apart
 */
export function stratTable(groups: readonly StratGroup[], scale: DimensionScale): StratTable {
  const totals = groups.reduce((sum, group) => addSums(sum, group.sums), ZERO_SUMS);
  const keyed = groups.map(({ group, sums }) => ({
    order: orderOf(group, scale),
    key: groupKey(group, scale),
    sums,
  }));
  keyed.sort(
    (a, b) =>
      a.order - b.order ||
      (b.sums.claimFen > a.sums.claimFen ? 1 : b.sums.claimFen < a.sums.claimFen ? -1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    rows: keyed.map(({ key, sums }) => stratRow(key, sums, totals)),
    totals: stratRow('total', totals, totals),
  };
}

/** The row key of a group: its band's label, its value, or the dimension's unknown key. */
export function groupKey(group: number | string | null, scale: DimensionScale): string {
  if (group === null) return scale.unknownKey;
  if (scale.kind === 'value') return String(group);
  const label = scale.scale.labels[Number(group)];
  if (label === undefined)
    throw new Error(`band ${group} is outside the scale of ${scale.scale.labels.length} bands`);
  return label;
}

/** Band rows in band order; value rows share one order (then claim decides); unknown last. */
function orderOf(group: number | string | null, scale: DimensionScale): number {
  if (group === null) return Number.MAX_SAFE_INTEGER;
  return scale.kind === 'band' ? Number(group) : 0;
}
