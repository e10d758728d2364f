import type { DbOrTx } from '../../db/client';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppDeps } from '../shared/deps';
import type { IsoDate } from '../shared/dates';
import { Problem } from '../shared/problem';
import { planCollectionPosting, type CollectionEvent, type CollectionPlan, type PlannedEntry } from './collection-plan';
import { sourceIsPosted } from './journal-repository';
import { ledgerPolicyOf } from './policy';
import { entryHeader, postEntry } from './post-entry';
import { insertMovement, registerPositions } from './register-repository';
import { statement } from './statements';

export interface CollectionPosting extends Pick<CollectionPlan, 'excess' | 'notRecoveries'> {
  importId: number;
  entryIds: number[];
  recoveries: CollectionPlan['totals']['recoveries'];
  costs: CollectionPlan['totals']['costs'];
  historicalCosts: CollectionPlan['totals']['historicalCosts'];
}

function importEvents(deps: AppDeps, importId: number): CollectionEvent[] {
  return statement(
    deps,
    `select e.id as eventId, e.loan_id as loanId, e.event_date as eventDate, e.event_type as eventType, e.amount_fen as amountFen,
            e.cost_kind as costKind, l.status as status, l.tape_date as tapeDate
       from collection_events e join loans l on l.loan_id = e.loan_id
      where e.import_id = ? and e.event_type in ('payment', 'cost') order by e.event_date, e.id`,
  ).all(importId) as CollectionEvent[];
}

/**
 * Books the payments and costs of one collections import, inside the caller's transaction
 * (see `planCollectionPosting` for the rules): one `recovery` and one `collection_cost` entry per
 * event date, each line naming its loan, and the recoveries' register movements.
 * @throws Problem conflict when the import is already booked
 */
export function postCollectionEvents(tx: DbOrTx, deps: AppDeps, request: { importId: number; actor: AuditActor }): CollectionPosting {
  const sourceRef = `file_import:${request.importId}`;
  if (sourceIsPosted(deps, ['recovery', 'collection_cost'], sourceRef)) throw new Problem('conflict', `collections import ${request.importId} is already booked`);
  const events = importEvents(deps, request.importId);
  const paidLoanIds = new Set(events.filter((event) => event.eventType === 'payment').map((event) => event.loanId));
  const plan = planCollectionPosting(events, registerPositions(deps, [...paidLoanIds]), ledgerPolicyOf(deps.config));
  const entryIds: number[] = [];
  const post = (kind: 'recovery' | 'collection_cost', byDate: Map<IsoDate, PlannedEntry>, memo: string) => {
    for (const [entryDate, entry] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const { entryId } = postEntry(tx, deps, entryHeader(deps, request.actor, { entryDate, kind, memo, sourceRef }), entry.lines);
      for (const movement of entry.movements) insertMovement(deps, { ...movement, entryId });
      entryIds.push(entryId);
    }
  };
  post('recovery', plan.recoveries, `Recoveries after write-off, collections import ${request.importId}`);
  post('collection_cost', plan.costs, `Collection costs, collections import ${request.importId}`);
  const posting: CollectionPosting = { importId: request.importId, entryIds, ...plan.totals, excess: plan.excess, notRecoveries: plan.notRecoveries };
  recordAudit(tx, request.actor, deps.clock.now(), {
    action: 'ledger.collections.posted',
    targetType: 'file_import',
    targetId: request.importId,
    detail: { entryIds, ...plan.totals, excessPayments: plan.excess.length, notRecoveries: plan.notRecoveries.length },
  });
  return posting;
}
