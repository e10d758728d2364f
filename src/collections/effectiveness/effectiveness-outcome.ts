import { addMonths, addDays, type IsoDate } from '../../shared';
import type { AccountEvent, Placement } from './effectiveness-ladder';

/** The windows of the payer rate: paid anything within 3, 6 and 12 months of placement. */
export const payerWindowsMonths = [3, 6, 12] as const;

/** What a placement brought in while it ran, up to the data end. */
export interface PlacementOutcome {
  recoveredFen: number;
  costsFen: number;
  /** Per payer window: whether the account paid within it (while the placement ran). */
  paidWithin: boolean[];
  /** Per payer window: whether the window is over (or the placement ended first), so the answer is final. */
  maturedWithin: boolean[];
}

/**
 * The payments and costs dated while a placement ran (from its start to the day before its end,
 * or to `dataEnd`), and whether it paid within each payer window. A window counts only once it is
 * over by `dataEnd`, or the placement ended before it closed: an account placed last month has not
 * yet had its chance to pay within 12 months.
 */
export function placementOutcome(
  placement: Placement,
  events: readonly AccountEvent[],
  dataEnd: IsoDate,
): PlacementOutcome {
  const afterData = addDays(dataEnd, 1);
  const runsUntil = placement.endDate ?? afterData;
  const windowEnds = payerWindowsMonths.map((months) => addMonths(placement.startDate, months));
  let recoveredFen = 0;
  let costsFen = 0;
  let firstPaymentOn: IsoDate | undefined;
  for (const event of events) {
    if (event.eventDate < placement.startDate) continue;
    if (event.eventDate >= runsUntil) break;
    if (event.kind === 'payment') {
      recoveredFen += event.amountFen;
      firstPaymentOn ??= event.eventDate;
    } else if (event.kind === 'cost') costsFen += event.amountFen;
  }
  return {
    recoveredFen,
    costsFen,
    paidWithin: windowEnds.map((end) => firstPaymentOn !== undefined && firstPaymentOn < end),
    maturedWithin: windowEnds.map((end) => placement.endDate !== undefined || end <= afterData),
  };
}
