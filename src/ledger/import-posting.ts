import type { DbOrTx } from '../../db';
import type { AuditActor } from '../audit';
import type { ImportMode, LedgerSummary } from '../imports';
import { type AppDeps, formatFen } from '../shared';
import { postCollectionEvents } from './collection-posting';
import { postOpeningBalances } from './opening-balances';
import { postOpeningRegister } from './opening-register';

type ImportPosting = (
  tx: DbOrTx,
  deps: AppDeps,
  context: { importId: number; actor: AuditActor; mode: ImportMode },
) => LedgerSummary;

/**
 * A loan tape's performing and delinquent loans open their receivables on the balance sheet (an
 * upsert tape posts the differences), and its loans that arrive already written off enter the
 * off-balance register: one entry each per import.
 */
export const postTapeOpeningRegister: ImportPosting = (tx, deps, context) => {
  const ctx = { tx, deps, actor: context.actor };
  const newLoansOnly = context.mode === 'insert';
  const balances = postOpeningBalances(ctx, { importId: context.importId, newLoansOnly });
  const opening = postOpeningRegister(ctx, { importId: context.importId, newLoansOnly });
  return {
    openingBalanceEntryId: balances.entryId,
    receivablesOpened: formatFen(balances.debitFen),
    receivablesClosed: formatFen(balances.creditFen),
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
