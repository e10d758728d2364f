import type { StatusEvent } from '../../db';
import { addDays, asFen, dayNumber, fromDayNumber, type IsoDate } from '../shared';
import { currentAccount, delinquentAccount, paidOffAccount, type AccountDraft } from './account';
import { CHARGE_OFF_DPD, chargedOffLoan } from './charged-off-loan';
import { NOTHING_OWED } from './claim';
import { claimFen } from '../shared';
import type { ChargeOffCohort } from './cohorts';
import { statusFlags } from './flags';
import type { ProductTerms } from './products';
import { WeightedChoice, type Random } from './random';
import { byEventDate } from './event-order';
import type { DemoEvent, LoanDraft } from './types';

type DraftStatus = 'charged_off' | 'current' | 'delinquent' | 'settled' | 'closed';

/** The book is mostly written-off paper; the rest shows the road to charge-off. */
export const statusMix = new WeightedChoice<DraftStatus>([
  ['charged_off', 0.72],
  ['current', 0.13],
  ['delinquent', 0.11],
  ['settled', 0.02],
  ['closed', 0.02],
]);

/** Days past due of delinquent loans; the last band has passed the charge-off threshold but awaits write-off. */
const DELINQUENT_DPD_BANDS = new WeightedChoice<readonly [number, number]>([
  [[1, 30], 0.35],
  [[31, 90], 0.25],
  [[91, CHARGE_OFF_DPD - 1], 0.22],
  [[CHARGE_OFF_DPD, 240], 0.18],
]);

/** Status events on delinquent loans: [event, share of loans, how many days before the tape date at most]. */
const DELINQUENT_STATUS_EVENTS: readonly (readonly [StatusEvent, number, number])[] = [
  ['bankrupt', 0.02, 365],
  ['deceased', 0.015, 365],
  ['dispute', 0.03, 150],
  ['complaint', 0.015, 60],
];

const NO_FLAGS = {
  bankrupt: false,
  deceased: false,
  disputed: false,
  fraud: false,
  litigationPending: false,
  complaintOpen: false,
  activeRepaymentPlan: false,
};
/** Loans never charged off were never placed with an agency nor sued on. */
const NEVER_WORKED = {
  lastAcknowledgementDate: null,
  placementStage: null,
  litigationStatus: 'none',
} as const;

/** A loan of `status` on `asOf`; charged-off loans fall in one of `cohorts`. */
export function draftLoan(
  random: Random,
  status: DraftStatus,
  terms: ProductTerms,
  cohorts: WeightedChoice<ChargeOffCohort>,
  asOf: IsoDate,
): LoanDraft {
  switch (status) {
    case 'charged_off':
      return chargedOffLoan(random, terms, cohorts.draw(random), asOf);
    case 'delinquent':
      return delinquentLoan(random, terms, asOf);
    case 'current':
      return {
        fields: { ...accountFields(currentAccount(random, terms, asOf)), status, daysPastDue: 0 },
        events: [],
      };
    case 'closed':
      return {
        fields: { ...accountFields(paidOffAccount(random, terms, asOf)), status, daysPastDue: 0 },
        events: [],
      };
    case 'settled':
      return settledLoan(random, terms, asOf);
  }
}

function accountFields(account: AccountDraft) {
  const { originationDate, maturityDate, originalPrincipalFen, lastPaymentDate, lastPaymentFen } =
    account;
  return {
    originationDate,
    maturityDate,
    originalPrincipalFen,
    lastPaymentDate,
    lastPaymentFen,
    ...account.claim,
    chargeOffDate: null,
    chargeOffFen: null,
    ...NO_FLAGS,
    ...NEVER_WORKED,
  };
}

/** A loan in arrears, some past the charge-off threshold, some with a bankruptcy, death or dispute on file. */
function delinquentLoan(random: Random, terms: ProductTerms, asOf: IsoDate): LoanDraft {
  const [minDays, maxDays] = DELINQUENT_DPD_BANDS.draw(random);
  const daysPastDue = random.int(minDays, maxDays);
  const firstMissedDueDate = addDays(asOf, -daysPastDue);
  const account = delinquentAccount(random, terms, firstMissedDueDate, daysPastDue);
  const events: DemoEvent[] = [];
  for (const [statusEvent, share, withinDays] of DELINQUENT_STATUS_EVENTS) {
    if (!random.chance(share)) continue;
    const earliest = Math.max(dayNumber(firstMissedDueDate), dayNumber(asOf) - withinDays);
    events.push({
      eventType: 'status',
      eventDate: fromDayNumber(random.int(earliest, dayNumber(asOf))),
      statusEvent,
    });
  }
  events.sort(byEventDate);
  return {
    fields: {
      ...accountFields(account),
      ...statusFlags(events),
      status: 'delinquent',
      daysPastDue,
    },
    events,
  };
}

/** A loan settled at a discount (协商还款) while 31–179 days late, before it was charged off. */
function settledLoan(random: Random, terms: ProductTerms, asOf: IsoDate): LoanDraft {
  const settledOn = addDays(asOf, -random.int(1, 540));
  const daysPastDue = random.int(31, CHARGE_OFF_DPD - 1);
  const account = delinquentAccount(random, terms, addDays(settledOn, -daysPastDue), daysPastDue);
  const settlementFen = asFen(Math.round(claimFen(account.claim) * random.uniform(0.5, 0.9)));
  return {
    fields: {
      ...accountFields({
        ...account,
        claim: NOTHING_OWED,
        lastPaymentDate: settledOn,
        lastPaymentFen: settlementFen,
      }),
      status: 'settled',
      daysPastDue: 0,
    },
    events: [],
  };
}
