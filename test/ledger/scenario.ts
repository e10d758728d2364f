import type { Tx } from '../../db/client';
import { postCollectionEvents } from '../../src/ledger/collection-posting';
import { forwardCollections } from '../../src/transfer/sale/forwarding';
import { claimInterimCollections } from '../../src/transfer/sale/interim-claim';
import { bookPutBack } from '../../src/transfer/sale/put-back-booking';
import { trialBalanceReport } from '../../src/ledger/reports';
import { bookSale } from '../../src/transfer/sale/sale-booking';
import { asFen } from '../../src/shared';
import type { AppDeps } from '../../src/shared/deps';
import { approveWriteOffBatch } from '../../src/write-offs/decide';
import { postWriteOffBatch } from '../../src/write-offs/post';
import { prepareWriteOffBatch, type PrepareRequest } from '../../src/write-offs/prepare';
import { actorOf, insertCollections, type EventInput } from './fixtures';

// The verbs as a route would call them, each in its own transaction.

export const inTx = <T>(deps: AppDeps, verb: (tx: Tx) => T): T => deps.db.transaction(verb);

/** Prepares (finance), approves (checker) and posts (finance) a write-off batch. */
export function writeOff(deps: AppDeps, request: PrepareRequest) {
  const { batch } = inTx(deps, (tx) =>
    prepareWriteOffBatch({ tx, deps, actor: actorOf(deps.db, 'finance') }, request),
  );
  inTx(deps, (tx) =>
    approveWriteOffBatch({ tx, deps, actor: actorOf(deps.db, 'checker') }, { batchId: batch.id }),
  );
  return inTx(deps, (tx) =>
    postWriteOffBatch({ tx, deps, actor: actorOf(deps.db, 'finance') }, { batchId: batch.id }),
  );
}

/** Imports collection events and books them. */
export function collect(deps: AppDeps, events: EventInput[]) {
  const importId = insertCollections(deps.db, events);
  return inTx(deps, (tx) =>
    postCollectionEvents({ tx, deps, actor: actorOf(deps.db, 'finance') }, { importId }),
  );
}

export function buyerId(deps: AppDeps): number {
  return (
    deps.db.$client.prepare('select id from buyer_organisations limit 1').get() as { id: number }
  ).id;
}

/** Sells loans to the demo AMC at the given prices. */
export function sell(
  deps: AppDeps,
  reference: string,
  date: string,
  loans: { loanId: string; priceFen: number }[],
) {
  const priceFen = loans.reduce((sum, loan) => sum + loan.priceFen, 0);
  return inTx(deps, (tx) =>
    bookSale(
      { tx, deps, actor: actorOf(deps.db, 'finance') },
      {
        reference,
        buyerOrganisationId: buyerId(deps),
        date,
        priceFen: asFen(priceFen),
        loans: loans.map((loan) => ({ ...loan, priceFen: asFen(loan.priceFen) })),
      },
    ),
  );
}

export function loanRow(deps: AppDeps, loanId: string) {
  return deps.db.$client
    .prepare(
      'select status, charge_off_date as chargeOffDate, charge_off_fen as chargeOffFen from loans where loan_id = ?',
    )
    .get(loanId) as {
    status: string;
    chargeOffDate: string | null;
    chargeOffFen: number | null;
  };
}

/** The buyer puts a loan back; the refund defaults to nothing. */
export function putBack(
  deps: AppDeps,
  saleReference: string,
  loanId: string,
  date: string,
  refundFen = 0,
) {
  return inTx(deps, (tx) =>
    bookPutBack(
      { tx, deps, actor: actorOf(deps.db, 'finance') },
      {
        saleReference,
        loanId,
        refundFen: asFen(refundFen),
        date,
        reason: 'borrower deceased before the cut-off',
      },
    ),
  );
}

/** Settlement's claim of the interim collections of a sale to the demo AMC. */
export function claimInterim(
  deps: AppDeps,
  saleReference: string,
  cutOffDate: string,
  loanIds: string[],
  date: string,
) {
  return inTx(deps, (tx) =>
    claimInterimCollections(
      { tx, deps, actor: actorOf(deps.db, 'finance') },
      {
        saleReference,
        buyerOrganisationId: buyerId(deps),
        cutOffDate,
        loanIds,
        date,
      },
    ),
  );
}

/** Forwards to a buyer (the demo AMC unless given) what it is owed, or the payables named. */
export function forward(
  deps: AppDeps,
  reference: string,
  date: string,
  options: { buyerOrganisationId?: number; payableIds?: number[] } = {},
) {
  const buyerOrganisationId = options.buyerOrganisationId ?? buyerId(deps);
  return inTx(deps, (tx) =>
    forwardCollections(
      { tx, deps, actor: actorOf(deps.db, 'finance') },
      {
        reference,
        buyerOrganisationId,
        date,
        payableIds: options.payableIds,
      },
    ),
  );
}

/** The balance (debit − credit) of one account in the trial balance as of a date. */
export function accountBalance(deps: AppDeps, code: string, asOf = '9999-12-31'): number {
  const balance = trialBalanceReport(deps, asOf);
  return (
    [...balance.balanceSheet.accounts, ...balance.offBalance.accounts].find(
      (account) => account.code === code,
    )?.balanceFen ?? 0
  );
}
