import { connectionOf, type DbOrTx } from '../../../db';
import type { CriteriaCandidate } from '../criteria';

// The pure criteria (criteria/), called by SQLite as application-defined functions while it
// scans a million rows: handing a function twenty values costs a fraction of reading them out as
// rows, and the verdicts are written by the same statement that computes them. Each use registers
// the function anew with what it must know (the criteria); the connection is synchronous and used by
// one statement at a time, so no call sees another's. The functions live on the connection, so
// they are registered on the caller's handle's (`connectionOf`).

type CandidateColumns = { [K in keyof CriteriaCandidate]: string };

/** How many candidates the selection took, and how many of those an active portfolio held. */
export interface SelectionCount {
  selected: number;
  heldElsewhere: number;
}

/**
 * Registers `portfolio_selected(…)`: 1 for a candidate that `matches` takes and no active portfolio
 * holds (`held`), else 0. It counts as it goes; call it once per candidate (a WHERE of its own).
 */
export function useSelection(
  tx: DbOrTx,
  matches: (candidate: CriteriaCandidate) => boolean,
): SelectionCount {
  const count: SelectionCount = { selected: 0, heldElsewhere: 0 };
  connectionOf(tx).function(
    'portfolio_selected',
    { deterministic: false },
    (
      loanId,
      chargeOffDate,
      product,
      province,
      claimFen,
      dpdAtChargeOff,
      monthsSinceChargeOff,
      placementStage,
      litigationStatus,
      held,
    ) => {
      const candidate = {
        loanId,
        chargeOffDate,
        product,
        province,
        claimFen,
        dpdAtChargeOff,
        monthsSinceChargeOff,
        placementStage,
        litigationStatus,
      } as CriteriaCandidate;
      if (!matches(candidate)) return 0;
      count.selected += 1;
      if (held === 0) return 1;
      count.heldElsewhere += 1;
      return 0;
    },
  );
  return count;
}

/** The SQL call of `portfolio_selected` on candidate columns and a held-elsewhere condition. */
export function selectedSql(columns: CandidateColumns, held: string): string {
  const {
    loanId,
    chargeOffDate,
    product,
    province,
    claimFen,
    dpdAtChargeOff,
    monthsSinceChargeOff,
    placementStage,
    litigationStatus,
  } = columns;
  return `portfolio_selected(${[loanId, chargeOffDate, product, province, claimFen, dpdAtChargeOff, monthsSinceChargeOff, placementStage, litigationStatus, held].join(', ')})`;
}
