import { forwardingDueDate, type LedgerPolicy, type PlannedEntry } from '../../ledger';
import { type IsoDate, type Fen, negateFen } from '../../shared';
import { interimClaimLines } from './buyer-payable-lines';

/** A payment booked as a recovery, with the part of it that lowered the claim on file (net of reversals). */
export interface BookedRecovery {
  loanId: string;
  eventId: number;
  eventDate: IsoDate;
  appliedFen: Fen;
}

export interface InterimClaimTerms {
  saleEntryId: number;
  buyerOrganisationId: number;
  cutOffDate: IsoDate;
  /** The settlement date: the entry's date, and when the interim collections become the buyer's. */
  date: IsoDate;
  policy: LedgerPolicy;
  forwardingBusinessDays: number;
}

/**
 * The entry that hands the buyer the recoveries dated after the cut-off (see `interimClaimLines`):
 * per payment, its applied part moves to the payable, its register movement is undone (a
 * `recovery` movement marked reversal, naming the event) and the same amount leaves as `sold` to
 * the buyer; a payable is due so many business days after settlement. The excess of a payment over
 * the claim is not claimed: it was never part of the claim the buyer bought, and stays owed to the
 * borrower. Recoveries dated on or before the cut-off are the seller's and are left alone.
 */
export function planInterimClaim(
  recoveries: readonly BookedRecovery[],
  terms: InterimClaimTerms,
): PlannedEntry {
  const entry: PlannedEntry = { lines: [], movements: [], payables: [] };
  for (const recovery of recoveries) {
    if (recovery.eventDate <= terms.cutOffDate || recovery.appliedFen <= 0) continue;
    const { loanId, eventId, appliedFen } = recovery;
    entry.lines.push(interimClaimLines(loanId, appliedFen, terms.policy));
    entry.movements.push({
      loanId,
      movementDate: terms.date,
      kind: 'recovery',
      amountFen: appliedFen,
      reversal: true,
      buyerOrganisationId: null,
      collectionEventId: eventId,
    });
    entry.movements.push({
      loanId,
      movementDate: terms.date,
      kind: 'sold',
      amountFen: negateFen(appliedFen),
      reversal: false,
      buyerOrganisationId: terms.buyerOrganisationId,
      collectionEventId: null,
    });
    entry.payables.push({
      loanId,
      buyerOrganisationId: terms.buyerOrganisationId,
      saleEntryId: terms.saleEntryId,
      collectionEventId: eventId,
      amountFen: appliedFen,
      receivedDate: recovery.eventDate,
      dueDate: forwardingDueDate(recovery.eventDate, terms.date, terms.forwardingBusinessDays),
    });
  }
  return entry;
}
