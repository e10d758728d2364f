import { addBusinessDays, type IsoDate } from '../shared';

/**
 * When a collection owed to the buyer must be forwarded: `businessDays` business days (weekends
 * skipped, holidays not modelled) after the seller held it as the buyer's: the later of the day it
 * was received and the day it was booked for the buyer (an interim collection becomes the buyer's
 * at settlement, not before). The term itself is the sale's (`TransferTerms.forwardingBusinessDays`).
 * @example forwardingDueDate('2026-06-05', '2026-06-05', 10) // '2026-06-19'
 */
export function forwardingDueDate(
  receivedDate: IsoDate,
  bookedDate: IsoDate,
  businessDays: number,
): IsoDate {
  return addBusinessDays(receivedDate > bookedDate ? receivedDate : bookedDate, businessDays);
}
