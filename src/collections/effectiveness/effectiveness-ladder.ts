import { addMonths, addDays, daysBetween, type IsoDate } from '../../shared';

export type CollectionChannel = 'in_house' | 'agency' | 'legal';
export type PlacementStage = 'fresh' | 'primary' | 'secondary' | 'tertiary';

/**
 * The collection ladder (docs/domain.md §1.2): a charged-off account is worked in house, then placed
 * with an agency, and handed to a new agency at each later rung (primary, secondary, tertiary
 * paper), by months since charge-off. The book records payments and costs, not hand-overs, so
 * placements are read off this ladder; a lawsuit (a `litigation_filed` event, or the first legal
 * or court fee) moves the account to the legal channel for good.
 */
export const collectionLadder: readonly {
  fromMonths: number;
  channel: CollectionChannel;
  stage: PlacementStage;
}[] = [
  { fromMonths: 0, channel: 'in_house', stage: 'fresh' },
  { fromMonths: 3, channel: 'agency', stage: 'primary' },
  { fromMonths: 12, channel: 'agency', stage: 'secondary' },
  { fromMonths: 24, channel: 'agency', stage: 'tertiary' },
];

/** A charged-off account as its placements need it. */
export interface LadderAccount {
  loanId: string;
  chargeOffDate: IsoDate;
  chargeOffFen: number;
  /** Days past due on the tape date (0 once paid off or settled). */
  daysPastDue: number;
  tapeDate: IsoDate;
}

/** What happened on an account after charge-off, in date order. `ended`: bankruptcy or death stops collection. */
export interface AccountEvent {
  eventDate: IsoDate;
  kind: 'payment' | 'cost' | 'litigation' | 'ended';
  amountFen: number;
}

export interface Placement {
  channel: CollectionChannel;
  stage: PlacementStage;
  startDate: IsoDate;
  /** The day the next placement starts or collection ends; undefined while it still runs at the data end. */
  endDate: IsoDate | undefined;
  /** What the account still owed when placed: its charge-off balance less its payments since. */
  placedFen: number;
  daysPastDue: number;
}

/**
 * An account's placements up to `dataEnd`: the ladder's rungs until a lawsuit, then the legal
 * channel (at the stage the account had reached). No placement starts once collection ended or
 * once nothing is owed. Days past due at a placement: those at charge-off (from the tape, or
 * `chargeOffDpd` for an account no longer past due) plus the days since charge-off.
 */
export function placementsOf(
  account: LadderAccount,
  events: readonly AccountEvent[],
  dataEnd: IsoDate,
  chargeOffDpd: number,
): Placement[] {
  const litigatedOn = events.find((event) => event.kind === 'litigation')?.eventDate;
  const endedOn = events.find((event) => event.kind === 'ended')?.eventDate;
  const collecting = (date: IsoDate) =>
    date <= dataEnd && (endedOn === undefined || date < endedOn);
  const starts: { channel: CollectionChannel; stage: PlacementStage; startDate: IsoDate }[] = [];
  for (const rung of collectionLadder) {
    const startDate =
      rung.fromMonths === 0
        ? account.chargeOffDate
        : addMonths(account.chargeOffDate, rung.fromMonths);
    if (!collecting(startDate) || (litigatedOn !== undefined && startDate >= litigatedOn)) break;
    starts.push({ ...rung, startDate });
  }
  if (litigatedOn !== undefined && collecting(litigatedOn))
    starts.push({
      channel: 'legal',
      stage: starts.at(-1)?.stage ?? 'fresh',
      startDate: litigatedOn,
    });
  const tapeDpd = account.daysPastDue - daysBetween(account.chargeOffDate, account.tapeDate);
  const dpdAtChargeOff = account.daysPastDue > 0 && tapeDpd > 0 ? tapeDpd : chargeOffDpd;
  const placements: Placement[] = [];
  for (const [index, start] of starts.entries()) {
    const placedFen = account.chargeOffFen - paidBefore(events, start.startDate);
    if (placedFen <= 0) break;
    const next =
      starts[index + 1]?.startDate ??
      (endedOn !== undefined && endedOn <= dataEnd ? addDays(endedOn, 1) : undefined);
    placements.push({
      ...start,
      endDate: next,
      placedFen,
      daysPastDue: dpdAtChargeOff + daysBetween(account.chargeOffDate, start.startDate),
    });
  }
  return placements;
}

function paidBefore(events: readonly AccountEvent[], date: IsoDate): number {
  let paidFen = 0;
  for (const event of events) {
    if (event.eventDate >= date) break;
    if (event.kind === 'payment') paidFen += event.amountFen;
  }
  return paidFen;
}
