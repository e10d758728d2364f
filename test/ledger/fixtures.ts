import type { Db } from '../../db/client';
import { collectionEvents, fileImports } from '../../db/schema';
import type { AuditActor } from '../../src/audit/record';
import type { TestUser } from '../helpers/test-app';
import { asFen } from '../../src/shared';

/** A file import row of the given kind, as the import routes would record it. */
export function insertFileImport(db: Db, kind: 'loan_tape' | 'collections'): number {
  return db
    .insert(fileImports)
    .values({
      kind,
      status: 'accepted',
      format: 'csv',
      mode: 'insert',
      fileSha256: 'f'.repeat(64),
      fileBytes: 1,
      actor: 'risk@demo.local',
      rowCount: 0,
      importedAt: '2026-06-30T09:00:00.000Z',
    })
    .returning({ id: fileImports.id })
    .get().id;
}

export interface EventInput {
  loanId: string;
  date: string;
  amountFen: number;
  type?: 'payment' | 'cost';
}

/** A collections import with its payments (and costs), as the collections import would store them. */
export function insertCollections(db: Db, events: EventInput[]): number {
  const importId = insertFileImport(db, 'collections');
  if (events.length === 0) return importId;
  db.insert(collectionEvents)
    .values(
      events.map((event) => {
        const cost = event.type === 'cost';
        return {
          loanId: event.loanId,
          eventDate: event.date,
          eventType: cost ? ('cost' as const) : ('payment' as const),
          amountFen: asFen(event.amountFen),
          paymentChannel: cost ? null : ('in_house' as const),
          costKind: cost ? ('agency_commission' as const) : null,
          importId,
        };
      }),
    )
    .run();
  return importId;
}

/** The audit identity of a demo user, as a route would pass it to a service. */
export function actorOf(db: Db, user: Exclude<TestUser, 'admin'>): AuditActor {
  const email = `${user}@demo.local`;
  const found = db.$client.prepare('select id from users where email = ?').get(email) as {
    id: number;
  };
  return { userId: found.id, label: email, requestId: null };
}

/** A second buyer organisation beside the demo AMC; returns its id. */
export function anotherBuyer(db: Db, name = 'Other AMC 其他资产管理有限公司'): number {
  return (
    db.$client
      .prepare(
        `insert into buyer_organisations (name, type, licence_number, created_at) values (?, 'amc', 'L-2', '2026-06-01T00:00:00.000Z') returning id`,
      )
      .get(name) as { id: number }
  ).id;
}
