import type { DbOrTx } from '../../db';
import type { AuditActor } from '../audit';
import type { ImportMode, LedgerSummary } from '../imports';
import { type AppDeps, formatFen } from '../shared';
import { postCollectionEvents } from './collection-posting';
import { postOpeningRegister } from './opening-register';

type ImportPosting = (
  tx: DbOrTx,
  deps: AppDeps,
  context: { importId: number; actor: AuditActor; mode: ImportMode },
) => LedgerSummary;

/** A loan tape's loans that arrive already written off enter the off-balance register (one opening entry). */
export const postTapeOpeningRegister: ImportPosting = (tx, deps, context) => {
  const opening = postOpeningRegister(
    { tx, deps, actor: context.actor },
    { importId: context.importId, newLoansOnly: context.mode === 'insert' },
  );
  return {
    openingEntryId: opening.entryId,
    loansOnRegister: opening.loans,
    claimOnRegister: formatFen(opening.claimFen),
    loansSkipped: opening.skipped.length,
  };
};

/**
 * A collections import's payments on written-off loans are recoveries, those on loans sold after
 * the cut-off are owed to the buyer; its costs are collection expense.
 */
export const postImportedCollections: ImportPosting = (tx, deps, context) => {
  const posting = postCollectionEvents(
    { tx, deps, actor: context.actor },
    { importId: context.importId },
  );
  return {
    entries: posting.entryIds.length,
    recoveryPayments: posting.recoveries.events,
    recovered: formatFen(posting.recoveries.appliedFen),
    overpaid: formatFen(posting.recoveries.excessFen),
    costEvents: posting.costs.events,
    costs: formatFen(posting.costs.amountFen),
    historicalCostEvents: posting.historicalCosts.events,
    buyerCollectionPayments: posting.buyerCollections.events,
    owedToBuyers: formatFen(posting.buyerCollections.amountFen),
    paymentsNotRecoveries: posting.notRecoveries.length,
  };
};
