import type { DbOrTx } from '../../../db';
import { recordAudit } from '../../audit';
import { entryHeader, postEntry } from '../../ledger';
import { type IsoDate, Problem, type FieldError, sumFen, type VerbContext } from '../../shared';
import { forwardingLines } from './buyer-payable-lines';
import {
  findForwarding,
  insertForwarding,
  outstandingPayables,
  payablesById,
  type Forwarding,
  type PayableState,
} from './forwarding-repository';

export interface ForwardingRequest {
  /** The payment's reference (a bank transfer number, say): one forwarding per reference. */
  reference: string;
  buyerOrganisationId: number;
  date: IsoDate;
  /** The payables to forward; all the buyer's outstanding ones booked by `date` when absent. */
  payableIds?: number[];
}

export interface ForwardingResult extends Forwarding {
  /** Set when the reference was forwarded before: this is what that forwarding did. */
  replayed?: true;
}

const idSet = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(',');

/** A forwarding asked again under its reference: the same one (replayed), or a clash. */
function replayOf(earlier: Forwarding, request: ForwardingRequest): ForwardingResult {
  const same =
    earlier.buyerOrganisationId === request.buyerOrganisationId &&
    earlier.forwardedDate === request.date &&
    (!request.payableIds || idSet(earlier.payableIds) === idSet(request.payableIds));
  if (!same)
    throw new Problem(
      'conflict',
      `forwarding ${request.reference} was made before with other terms (entry ${earlier.entryId})`,
    );
  return { ...earlier, replayed: true };
}

/** The payables a request names, each checked: this buyer's, booked by the date, not forwarded yet. */
function namedPayables(
  tx: DbOrTx,
  request: ForwardingRequest & { payableIds: number[] },
): PayableState[] {
  const found = payablesById(tx, request.payableIds);
  const invalid: FieldError[] = [];
  const forwarded: FieldError[] = [];
  request.payableIds.forEach((id, index) => {
    const payable = found.get(id);
    const field = `payableIds.${index}`;
    if (!payable || payable.buyerOrganisationId !== request.buyerOrganisationId)
      invalid.push({
        field,
        value: id,
        message: `no collection ${id} is owed to buyer organisation ${request.buyerOrganisationId}`,
      });
    else if (payable.bookedOn > request.date)
      invalid.push({
        field,
        value: id,
        message: `booked on ${payable.bookedOn}, after the forwarding date`,
      });
    else if (payable.forwardingId !== null)
      forwarded.push({ field, value: id, message: 'already forwarded' });
  });
  if (invalid.length > 0)
    throw new Problem('validation_failed', `${invalid.length} payable(s) cannot be forwarded`, {
      errors: invalid,
    });
  if (forwarded.length > 0)
    throw new Problem('conflict', `${forwarded.length} payable(s) are already forwarded`, {
      errors: forwarded,
    });
  return request.payableIds.map((id) => found.get(id) as PayableState);
}

/**
 * Forwards collections held for a buyer, inside the caller's transaction: one `forwarding` entry
 * (per payable Dr collections payable to debt buyers / Cr cash, naming its loan) and a forwarding
 * row linking the payables it pays; the payables themselves are never rewritten. Idempotent per
 * reference: asking again with the same terms returns the first forwarding, marked replayed.
 * @throws Problem validation_failed (a payable not this buyer's, unknown, or booked after the date;
 *   the same payable twice), conflict (already forwarded, nothing outstanding, or the reference
 *   used with other terms)
 */
export function forwardCollections(ctx: VerbContext, request: ForwardingRequest): ForwardingResult {
  const { tx, deps, actor } = ctx;
  const earlier = findForwarding(tx, request.reference);
  if (earlier) return replayOf(earlier, request);
  if (request.payableIds && new Set(request.payableIds).size !== request.payableIds.length) {
    throw new Problem('validation_failed', 'a payable is listed twice', {
      errors: [{ field: 'payableIds', message: 'each payable once' }],
    });
  }
  const payables = request.payableIds
    ? namedPayables(tx, { ...request, payableIds: request.payableIds })
    : outstandingPayables(tx, request.buyerOrganisationId).filter(
        (payable) => payable.bookedOn <= request.date,
      );
  if (payables.length === 0)
    throw new Problem(
      'conflict',
      `nothing is outstanding to forward to buyer organisation ${request.buyerOrganisationId} on ${request.date}`,
    );

  const memo = `Collections forwarded to buyer organisation ${request.buyerOrganisationId}, reference ${request.reference}`;
  const header = entryHeader(deps, actor, {
    entryDate: request.date,
    kind: 'forwarding',
    memo,
    sourceRef: `forwarding:${request.reference}`,
  });
  const { entryId } = postEntry(
    tx,
    deps,
    header,
    payables.map((payable) => forwardingLines(payable.loanId, payable.amountFen)),
  );
  const forwarding = {
    reference: request.reference,
    buyerOrganisationId: request.buyerOrganisationId,
    forwardedDate: request.date,
    amountFen: sumFen(payables.map((payable) => payable.amountFen)),
    entryId,
    payableIds: payables.map((payable) => payable.id),
  };
  const id = insertForwarding(tx, forwarding);
  recordAudit(tx, actor, deps.clock.now(), {
    action: 'ledger.collections.forwarded',
    targetType: 'journal_entry',
    targetId: entryId,
    detail: {
      reference: request.reference,
      buyerOrganisationId: request.buyerOrganisationId,
      payables: payables.length,
      amountFen: forwarding.amountFen,
    },
  });
  return { id, ...forwarding };
}
