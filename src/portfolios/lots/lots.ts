import type { Fen } from '../../shared';

/** A loan to place in a lot: its claim and the segment (stratum) it belongs to. */
export interface LotCandidate {
  claimFen: Fen;
  stratum: string;
}

/**
 * Splits loans into `lotCount` lots of near-equal total claim whose mix of strata mirrors the
 * whole. Within each stratum (in key order) loans go largest claim first to the lot holding the
 * least claim of that stratum, ties to the lot with the least claim overall, then the lowest lot
 * number. Every stratum is thus dealt out evenly (the imbalance left is at most one of its smaller
 * loans), and so is the total.
 * @returns for each candidate, in input order, its lot number 0…lotCount−1
 * @throws RangeError for a lot count that is not a whole number ≥ 1
 */
export function stratifiedLots(candidates: readonly LotCandidate[], lotCount: number): Int32Array {
  if (!Number.isSafeInteger(lotCount) || lotCount < 1)
    throw new RangeError(`lot count must be a whole number ≥ 1, got ${lotCount}`);
  const lotOf = new Int32Array(candidates.length);
  const lotTotals = new Array<number>(lotCount).fill(0);
  for (const members of stratumMembers(candidates)) {
    members.sort((a, b) => candidates[b]!.claimFen - candidates[a]!.claimFen || a - b);
    const stratumTotals = new Array<number>(lotCount).fill(0);
    for (const index of members) {
      let best = 0;
      for (let lot = 1; lot < lotCount; lot++) {
        if (
          stratumTotals[lot]! < stratumTotals[best]! ||
          (stratumTotals[lot] === stratumTotals[best] && lotTotals[lot]! < lotTotals[best]!)
        )
          best = lot;
      }
      const claimFen = candidates[index]!.claimFen;
      stratumTotals[best] = stratumTotals[best]! + claimFen;
      lotTotals[best] = lotTotals[best]! + claimFen;
      lotOf[index] = best;
    }
  }
  return lotOf;
}

/** Candidate indices grouped by stratum, strata in key order. */
function stratumMembers(candidates: readonly LotCandidate[]): number[][] {
  const byStratum = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    const members = byStratum.get(candidate.stratum);
    if (members) members.push(index);
    else byStratum.set(candidate.stratum, [index]);
  });
  return [...byStratum.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, members]) => members);
}
