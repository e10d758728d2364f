import type { Tx } from '../../db/client';
import { postCollectionEvents } from '../../src/ledger/collection-posting';
import { bookSale } from '../../src/ledger/sale';
import type { AppDeps } from '../../src/shared/deps';
import { approveWriteOffBatch } from '../../src/write-offs/decide';
import { postWriteOffBatch } from '../../src/write-offs/post';
import { prepareWriteOffBatch, type PrepareRequest } from '../../src/write-offs/prepare';
import { actorOf, insertCollections, type EventInput } from './fixtures';

// The verbs as a route would call them, each in its own transaction.

export const inTx = <T>(deps: AppDeps, verb: (tx: Tx) => T): T => deps.db.transaction(verb);

/** Prepares (finance), approves (checker) and posts (finance) a write-off batch. */
export function writeOff(deps: AppDeps, request: PrepareRequest) {
  const { batch } = inTx(deps, (tx) => prepareWriteOffBatch(tx, deps, actorOf(deps.db, 'finance'), request));
  inTx(deps, (tx) => approveWriteOffBatch(tx, deps, actorOf(deps.db, 'checker'), batch.id));
  return inTx(deps, (tx) => postWriteOffBatch(tx, deps, actorOf(deps.db, 'finance'), batch.id));
}

/** Imports collection events and books them. */
export function collect(deps: AppDeps, events: EventInput[]) {
  const importId = insertCollections(deps.db, events);
  return inTx(deps, (tx) => postCollectionEvents(tx, deps, { importId, actor: actorOf(deps.db, 'finance') }));
}

export function buyerId(deps: AppDeps): number {
  return (deps.db.$client.prepare('select id from buyer_organisations limit 1').get() as { id: number }).id;
}

/** Sells loans to the demo AMC at the given prices. */
export function sell(deps: AppDeps, reference: string, date: string, loans: { loanId: string; priceFen: number }[]) {
  const priceFen = loans.reduce((sum, loan) => sum + loan.priceFen, 0);
  return inTx(deps, (tx) => bookSale(tx, deps, { reference, buyerOrganisationId: buyerId(deps), date, priceFen, loans, actor: actorOf(deps.db, 'finance') }));
}

export function loanRow(deps: AppDeps, loanId: string) {
  return deps.db.$client.prepare('select status, charge_off_date as chargeOffDate, charge_off_fen as chargeOffFen from loans where loan_id = ?').get(loanId) as {
    status: string;
    chargeOffDate: string | null;
    chargeOffFen: number | null;
  };
}
