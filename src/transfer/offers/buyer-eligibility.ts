import type { BuyerStatus, BuyerType } from '../../../db';

export interface BuyerStanding {
  name: string;
  type: BuyerType;
  status: BuyerStatus;
  ndaSignedOn: string | null;
}

/**
 * Why a buyer may not be offered a portfolio, or undefined if it may: it must be approved, have an
 * NDA on file, and be of a type the rule pack allows (the Chinese batch transfer of personal NPLs
 * goes only to AMCs: docs/domain.md §5).
 * @example offerRefusal({ name: 'X', type: 'collection_agency', status: 'approved', ndaSignedOn: '2026-01-05' }, ['amc']) // 'X is a collection_agency; the rule pack sells only to amc'
 */
export function offerRefusal(
  buyer: BuyerStanding,
  allowedTypes: readonly BuyerType[],
): string | undefined {
  const standing = standingRefusal(buyer);
  if (standing) return standing;
  if (!allowedTypes.includes(buyer.type))
    return `${buyer.name} is a ${buyer.type}; the rule pack sells only to ${allowedTypes.join(' or ')}`;
  return undefined;
}

/**
 * Why a buyer may not deal (bid, download a data room, be awarded) right now, or undefined if it
 * may: what the offer required must still hold. A buyer suspended, or whose NDA was removed, since
 * the offer keeps seeing the portfolio but can do nothing with it.
 * @example standingRefusal({ name: 'X', type: 'amc', status: 'suspended', ndaSignedOn: '2026-01-05' }) // 'X is suspended, not approved'
 */
export function standingRefusal(buyer: Omit<BuyerStanding, 'type'>): string | undefined {
  if (buyer.status !== 'approved') return `${buyer.name} is ${buyer.status}, not approved`;
  if (buyer.ndaSignedOn === null) return `${buyer.name} has no NDA on file`;
  return undefined;
}
