import type { LitigationStatus, PlacementStage } from '../../db';
import { monthsBetween, type IsoDate } from '../shared';
import { IN_HOUSE_MONTHS, PRIMARY_LAST_MONTH, SECONDARY_LAST_MONTH } from './liquidation';
import type { DemoEvent } from './types';

// The facts a sale's eligibility screening reads that the rest of the demo book does not already
// carry. They are derived from what the book has drawn, never drawn from its random stream: the
// stream, and so every other loan, stays as it was.

/** A lawsuit is decided about half a year after filing and enforced from a year after that. */
const JUDGMENT_AFTER_MONTHS = 6;
const ENFORCEMENT_AFTER_MONTHS = 18;
/** Share of accounts whose contract or statements cannot be found. */
const MISSING_DOCUMENTS_SHARE = 0.02;

/**
 * The placement stage on `asOf` of paper charged off on `chargeOffDate`: in house for the first
 * months (fresh), then with its first, second and third agency, as `liquidate` works it.
 */
export function placementStageAt(chargeOffDate: IsoDate, asOf: IsoDate): PlacementStage {
  const month = monthsBetween(chargeOffDate, asOf) + 1;
  if (month <= IN_HOUSE_MONTHS) return 'fresh';
  if (month <= PRIMARY_LAST_MONTH) return 'primary';
  return month <= SECONDARY_LAST_MONTH ? 'secondary' : 'tertiary';
}

/** Where the lender's lawsuit stands on `asOf`: none, or filed, decided or in enforcement by the months since filing. */
export function litigationStatusAt(events: readonly DemoEvent[], asOf: IsoDate): LitigationStatus {
  const filed = events.find(
    (event) => event.eventType === 'status' && event.statusEvent === 'litigation_filed',
  );
  if (!filed) return 'none';
  const months = monthsBetween(filed.eventDate, asOf);
  if (months < JUDGMENT_AFTER_MONTHS) return 'filed';
  return months < ENFORCEMENT_AFTER_MONTHS ? 'judgment' : 'enforcement';
}

/** Agreeing a repayment plan acknowledges the debt: the limitation period runs anew from it. */
export function lastAcknowledgementDate(events: readonly DemoEvent[]): IsoDate | null {
  return (
    events.findLast(
      (event) => event.eventType === 'status' && event.statusEvent === 'repayment_plan',
    )?.eventDate ?? null
  );
}

/**
 * Whether the documents of the `sequence`-th loan of the book drawn with `seed` are on file: a
 * 32-bit FNV-1a hash of the two decides, so that about 2 % are missing, the same ones every time.
 */
export function documentsOnFile(seed: number, sequence: number): boolean {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${sequence}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0) / 4_294_967_296 >= MISSING_DOCUMENTS_SHARE;
}
