import { eq } from 'drizzle-orm';
import { type DbOrTx, offBalanceRegister, prepared, type RegisterMovementKind } from '../../db';
import type { AppDeps, IsoDate, Fen } from '../shared';

export type RegisterMovementRow = typeof offBalanceRegister.$inferSelect;

export interface RegisterMovement {
  loanId: string;
  movementDate: IsoDate;
  kind: RegisterMovementKind;
  /** + claim written off or opened, − recovered or sold. */
  amountFen: Fen;
  reversal: boolean;
  entryId: number;
  buyerOrganisationId: number | null;
  collectionEventId: number | null;
}

/**
 * Inserts one movement in the caller's transaction. The handle is `tx`; an `AppDeps` is still
 * accepted (its connection is the same) while write-offs/post.ts passes one.
 */
export function insertMovement(handle: DbOrTx | AppDeps, movement: RegisterMovement): void {
  prepared(
    'clock' in handle ? handle.db : handle,
    `insert into off_balance_register (loan_id, movement_date, kind, amount_fen, reversal, entry_id, buyer_organisation_id, collection_event_id)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    movement.loanId,
    movement.movementDate,
    movement.kind,
    movement.amountFen,
    movement.reversal ? 1 : 0,
    movement.entryId,
    movement.buyerOrganisationId,
    movement.collectionEventId,
  );
}

/** A loan's place on the register. */
export interface RegisterPosition {
  /** The claim still on file. */
  balanceFen: Fen;
  /** Written off or opened, net of reversals: positive while the loan is on the register. */
  claimInFen: Fen;
  /** When the loan last entered the register (write-off or opening date). */
  enteredOn: IsoDate | null;
}

/** The register position of each given loan that has any movement, over all movements posted so far. */
export function registerPositions(
  tx: DbOrTx,
  loanIds: readonly string[],
): Map<string, RegisterPosition> {
  const rows = prepared(
    tx,
    `select loan_id as loanId, sum(amount_fen) as balanceFen,
            sum(case when kind in ('written_off', 'opening') then amount_fen else 0 end) as claimInFen,
            max(case when kind in ('written_off', 'opening') and reversal = 0 then movement_date end) as enteredOn
       from off_balance_register where loan_id in (select value from json_each(?)) group by loan_id`,
  ).all(JSON.stringify(loanIds)) as ({ loanId: string } & RegisterPosition)[];
  return new Map(rows.map(({ loanId, ...position }) => [loanId, position]));
}

export function entryMovements(tx: DbOrTx, entryId: number): RegisterMovementRow[] {
  return tx
    .select()
    .from(offBalanceRegister)
    .where(eq(offBalanceRegister.entryId, entryId))
    .orderBy(offBalanceRegister.id)
    .all();
}

/**
 * The payments booked as recoveries of the given loans, one row per collection event with the
 * part that lowered the claim, net of reversals (a reversed recovery nets to zero), in date order.
 */
export function bookedRecoveries(
  tx: DbOrTx,
  loanIds: readonly string[],
): { loanId: string; eventId: number; eventDate: IsoDate; appliedFen: Fen }[] {
  return prepared(
    tx,
    `select r.loan_id as loanId, r.collection_event_id as eventId, e.event_date as eventDate, -sum(r.amount_fen) as appliedFen
       from off_balance_register r join collection_events e on e.id = r.collection_event_id
      where r.kind = 'recovery' and r.loan_id in (select value from json_each(?))
      group by r.loan_id, r.collection_event_id order by e.event_date, r.collection_event_id`,
  ).all(JSON.stringify(loanIds)) as {
    loanId: string;
    eventId: number;
    eventDate: IsoDate;
    appliedFen: Fen;
  }[];
}
