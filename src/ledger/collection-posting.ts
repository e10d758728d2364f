import { type DbOrTx, type JournalEntryKind, prepared } from '../../db';
import { recordAudit } from '../audit';
import { type IsoDate, Problem, transferTermsOf, type VerbContext } from '../shared';
import {
  planCollectionPosting,
  type CollectionEvent,
  type CollectionPlan,
  type PlannedEntry,
} from './collection-plan';
import { sourceIsPosted } from './journal-repository';
import { insertPayable } from './payable-repository';
import { ledgerPolicyOf } from './policy';
import { entryHeader, postEntry } from './post-entry';
import { insertMovement, registerPositions } from './register-repository';
import { latestSales } from './sold-loans';

export interface CollectionPosting extends Pick<CollectionPlan, 'excess' | 'notRecoveries'> {
  importId: number;
  entryIds: number[];
  recoveries: CollectionPlan['totals']['recoveries'];
  costs: CollectionPlan['totals']['costs'];
  historicalCosts: CollectionPlan['totals']['historicalCosts'];
  buyerCollections: CollectionPlan['totals']['buyerCollections'];
}

function importEvents(tx: DbOrTx, importId: number): CollectionEvent[] {
  return prepared(
    tx,
    `select e.id as eventId, e.loan_id as loanId, e.event_date as eventDate, e.event_type as eventType, e.amount_fen as amountFen,
            e.cost_kind as costKind, l.status as status, l.tape_date as tapeDate
       from collection_events e join loans l on l.loan_id = e.loan_id
      where e.import_id = ? and e.event_type in ('payment', 'cost') order by e.event_date, e.id`,
  ).all(importId) as CollectionEvent[];
}

/**
 * Posts each date's planned entry of one kind with its register movements and buyer payables.
 * @returns the ids of the entries posted, in date order
 */
export function postPlannedEntries(
  { tx, deps, actor }: VerbContext,
  header: { kind: JournalEntryKind; sourceRef: string; memo: string },
  byDate: ReadonlyMap<IsoDate, PlannedEntry>,
): number[] {
  const entryIds: number[] = [];
  for (const [entryDate, entry] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const { entryId } = postEntry(
      tx,
      deps,
      entryHeader(deps, actor, {
        entryDate,
        kind: header.kind,
        memo: header.memo,
        sourceRef: header.sourceRef,
      }),
      entry.lines,
    );
    for (const movement of entry.movements) insertMovement(tx, { ...movement, entryId });
    for (const payable of entry.payables) insertPayable(tx, { ...payable, entryId });
    entryIds.push(entryId);
  }
  return entryIds;
}

/**
 * Books the payments and costs of one collections import, inside the caller's transaction
 * (see `planCollectionPosting` for the rules): one `recovery`, one `collection_cost` and one
 * `buyer_collection` entry per event date, each line naming its loan, with the recoveries'
 * register movements and the buyers' payables.
 * @throws Problem conflict when the import is already booked
 */
export function postCollectionEvents(
  ctx: VerbContext,
  request: { importId: number },
): CollectionPosting {
  const { tx, deps, actor } = ctx;
  const sourceRef = `file_import:${request.importId}`;
  if (sourceIsPosted(tx, ['recovery', 'collection_cost', 'buyer_collection'], sourceRef))
    throw new Problem('conflict', `collections import ${request.importId} is already booked`);
  const events = importEvents(tx, request.importId);
  const payments = events.filter((event) => event.eventType === 'payment');
  const paidLoanIds = [...new Set(payments.map((event) => event.loanId))];
  const soldLoanIds = [
    ...new Set(payments.filter((event) => event.status === 'sold').map((event) => event.loanId)),
  ];
  const plan = planCollectionPosting(events, {
    positions: registerPositions(tx, paidLoanIds),
    sales: latestSales(tx, soldLoanIds),
    policy: ledgerPolicyOf(deps.config),
    forwardingBusinessDays: transferTermsOf(deps.config).forwardingBusinessDays,
  });
  const post = (kind: JournalEntryKind, byDate: ReadonlyMap<IsoDate, PlannedEntry>, memo: string) =>
    postPlannedEntries(ctx, { kind, sourceRef, memo }, byDate);
  const entryIds = [
    ...post(
      'recovery',
      plan.recoveries,
      `Recoveries after write-off, collections import ${request.importId}`,
    ),
    ...post(
      'collection_cost',
      plan.costs,
      `Collection costs, collections import ${request.importId}`,
    ),
    ...post(
      'buyer_collection',
      plan.buyerCollections,
      `Collections for sold loans owed to their buyers, collections import ${request.importId}`,
    ),
  ];
  const posting: CollectionPosting = {
    importId: request.importId,
    entryIds,
    ...plan.totals,
    excess: plan.excess,
    notRecoveries: plan.notRecoveries,
  };
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.collections.posted',
    targetType: 'file_import',
    targetId: request.importId,
    detail: {
      entryIds,
      ...plan.totals,
      excessPayments: plan.excess.length,
      notRecoveries: plan.notRecoveries.length,
    },
  });
  return posting;
}
