import { recordAudit } from '../../audit';
import { bookedRecoveries, ledgerPolicyOf, postPlannedEntries } from '../../ledger';
import {
  type IsoDate,
  type Fen,
  Problem,
  sumFen,
  transferTermsOf,
  type VerbContext,
} from '../../shared';
import { insertCutOff, recordedCutOff, saleBookings, saleBuyers } from './booked-sale-repository';
import { planInterimClaim } from './interim-claim-plan';
import { assertNotBefore, loansNotInSale, standingSale } from './sale-standing';

export interface InterimClaimRequest {
  saleReference: string;
  buyerOrganisationId: number;
  /** The sale's cut-off (交易基准日): payments dated after it are the buyer's. */
  cutOffDate: IsoDate;
  loanIds: string[];
  /** The settlement date. */
  date: IsoDate;
}

export interface InterimClaim {
  /** The `buyer_collection` entry, or null when no recovery after the cut-off was booked. */
  entryId: number | null;
  payables: number;
  amountFen: Fen;
  cutOffDate: IsoDate;
}

/**
 * At settlement, hands the buyer the collections booked as recoveries between the cut-off and the
 * sale (the loans were still charged off when imported): see `planInterimClaim` for the entry.
 * Records the cut-off, so that later imports send that sale's payments dated after it to the
 * buyer. Once per sale, inside the caller's transaction, after `bookSale`.
 * @throws Problem not_found (sale not booked), validation_failed (cut-off after the sale, or a
 *   settlement date before it), conflict (sale reversed, claimed before, another buyer's, or a loan
 *   not, or no longer, in the sale)
 */
export function claimInterimCollections(
  ctx: VerbContext,
  request: InterimClaimRequest,
): InterimClaim {
  const { tx, deps, actor } = ctx;
  const sale = standingSale(tx, request.saleReference);
  assertNotBefore('date', request.date, sale.saleDate, 'the sale');
  if (request.cutOffDate > sale.saleDate) {
    const message = `must not be after the sale (${sale.saleDate})`;
    throw new Problem('validation_failed', `cutOffDate ${message}`, {
      errors: [{ field: 'cutOffDate', value: request.cutOffDate, message }],
    });
  }
  if (recordedCutOff(tx, sale.entryId))
    throw new Problem(
      'conflict',
      `the interim collections of sale ${request.saleReference} are already claimed`,
    );
  const bookings = saleBookings(tx, sale.entryId, request.loanIds);
  const buyers = saleBuyers(tx, sale.entryId);
  if (!buyers.has(request.buyerOrganisationId) || buyers.size !== 1) {
    throw new Problem(
      'conflict',
      `sale ${request.saleReference} was not made to buyer organisation ${request.buyerOrganisationId}`,
    );
  }
  const errors = loansNotInSale(tx, sale, new Set(bookings.keys()), request.loanIds);
  if (errors.length > 0)
    throw new Problem(
      'conflict',
      `${errors.length} loan(s) are not in sale ${request.saleReference}`,
      { errors },
    );

  const planned = planInterimClaim(bookedRecoveries(tx, request.loanIds), {
    saleEntryId: sale.entryId,
    buyerOrganisationId: request.buyerOrganisationId,
    cutOffDate: request.cutOffDate,
    date: request.date,
    policy: ledgerPolicyOf(deps.config),
    forwardingBusinessDays: transferTermsOf(deps.config).forwardingBusinessDays,
  });
  const memo = `Collections after the ${request.cutOffDate} cut-off of sale ${request.saleReference}, booked as recoveries before it settled: owed to the buyer`;
  const header = {
    kind: 'buyer_collection',
    sourceRef: `interim:${request.saleReference}`,
    memo,
  } as const;
  const [entryId = null] =
    planned.lines.length > 0
      ? postPlannedEntries(ctx, header, new Map([[request.date, planned]]))
      : [];
  const now = deps.clock.now();
  insertCutOff(tx, {
    saleEntryId: sale.entryId,
    buyerOrganisationId: request.buyerOrganisationId,
    cutOffDate: request.cutOffDate,
    claimEntryId: entryId,
    recordedAt: now,
    recordedBy: actor.label,
  });
  const claim = {
    entryId,
    payables: planned.payables.length,
    amountFen: sumFen(planned.payables.map((payable) => payable.amountFen)),
    cutOffDate: request.cutOffDate,
  };
  recordAudit(tx, actor, now, {
    action: 'ledger.interim_collections.claimed',
    targetType: 'sale',
    targetId: request.saleReference,
    detail: { ...claim, buyerOrganisationId: request.buyerOrganisationId },
  });
  return claim;
}
