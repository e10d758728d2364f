import type { PortfolioStatus } from '../../../db';

/**
 * The life of a portfolio: draft → locked (membership and snapshot frozen) → offered → awarded →
 * sold → closed; any status before sold may be withdrawn. An award the seller cancels puts the
 * portfolio back on offer (awarded → offered). `split` is reached only by splitting a draft into
 * lots. Closed, withdrawn and split are final.
 */
const nextStatuses: Record<PortfolioStatus, readonly PortfolioStatus[]> = {
  draft: ['locked', 'withdrawn'],
  locked: ['offered', 'withdrawn'],
  offered: ['awarded', 'withdrawn'],
  awarded: ['sold', 'offered', 'withdrawn'],
  sold: ['closed'],
  closed: [],
  withdrawn: [],
  split: [],
};

/**
 * The statuses a user may move a portfolio to by hand. Split has its own verb; offered, awarded and
 * sold are reached only by the sale's own steps (offer, award, settle, cancel), which check what
 * they need.
 */
export const transitionTargets = ['locked', 'closed', 'withdrawn'] as const;
/** Every status a portfolio can be moved to, by hand or by a step of the sale. */
export type TransitionTarget = (typeof transitionTargets)[number] | 'offered' | 'awarded' | 'sold';

/** Whether a portfolio may go from `from` to `to`. */
export function canTransition(from: PortfolioStatus, to: PortfolioStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** The statuses reachable from `from`, for error messages. */
export function allowedTransitions(from: PortfolioStatus): readonly PortfolioStatus[] {
  return nextStatuses[from];
}

/** A portfolio in one of these holds on to its loans (a loan is in at most one of them). */
export function holdsItsLoans(status: PortfolioStatus): boolean {
  return status !== 'closed' && status !== 'withdrawn' && status !== 'split';
}
