import type { PaymentChannel, StatusEvent } from '../../db';
import { type IsoDate, addMonthsToDayNumber, dayNumber, fromDayNumber, type Fen } from '../shared';
import { applyPayment, NOTHING_OWED } from './claim';
import { asFen, claimFen, type ClaimBalances, ZERO_FEN } from '../shared';
import { courtFeeFen } from './court-fee';
import type { LoanLife, RepaymentPlanTerms } from './life-events';
import { incrementalRecoveryRate, type LiquidationCurve } from './liquidation-curve';
import type { Random } from './random';
import { byEventDate } from './event-order';
import type { DemoEvent } from './types';

/** Months after charge-off worked in house (calls, SMS) before the first agency placement. */
export const IN_HOUSE_MONTHS = 3;
/** Agency placements: primary to month 12, secondary to 24, tertiary after; commission rises with each. */
export const PRIMARY_LAST_MONTH = 12;
export const SECONDARY_LAST_MONTH = 24;
const COMMISSION_BY_STAGE = [0.25, 0.3, 0.35] as const;
/** A payment is a log-normal share of the charge-off claim: median 5 %, so its mean is 5 % · e^(σ²/2). */
const PAYMENT_SHARE_MEDIAN = 0.05;
const PAYMENT_SHARE_SIGMA = 0.5;
const PAYMENT_SHARE_MEAN =
  PAYMENT_SHARE_MEDIAN * Math.exp((PAYMENT_SHARE_SIGMA * PAYMENT_SHARE_SIGMA) / 2);
const MAX_MONTHLY_PAYMENT_PROBABILITY = 0.9;
const MIN_PAYMENT_FEN = 5_000;
/** A judgment makes payment more likely for the year after filing. */
const LITIGATION_BOOST = 1.5;
const LITIGATION_BOOST_MONTHS = 12;
/** Lawyers' fee: 2 % of the claim, at least 300 and at most 20,000 yuan. */
const LEGAL_FEE_SHARE = 0.02;
const LEGAL_FEE_MIN_FEN = 30_000;
const LEGAL_FEE_MAX_FEN = 2_000_000;
const SMS_CALL_MIN_FEN = 300;
const SMS_CALL_MAX_FEN = 1_500;
/** Each instalment of a repayment plan is kept with this probability; one miss breaks the plan. */
const PLAN_KEPT_PROBABILITY = 0.92;

/** What a charged-off account collected by the tape date, and where it stands then. */
export interface Liquidation {
  events: DemoEvent[];
  owed: ClaimBalances;
  /** `settled` when a repayment plan was completed, `closed` when the claim was paid in full. */
  outcome: 'charged_off' | 'settled' | 'closed';
}

interface State {
  events: DemoEvent[];
  owed: ClaimBalances;
  plan: 'none' | 'active' | 'broken' | 'completed';
  planStartDate?: IsoDate;
  planLastMonth: number;
  planInstalmentFen: Fen;
}

/**
 * Collections month by month from charge-off to the tape date. Each month m the account pays
 * with probability propensity · r(m) / E[payment share] (capped at 90 %), an amount that is a
 * log-normal share of its charge-off claim, never more than it still owes; so a pool's expected
 * collections in month m are r(m) times its claim. A repayment plan replaces the curve while
 * it is kept; a lawsuit moves payments to the legal channel and makes them likelier for a year;
 * bankruptcy or death ends collection.
 */
export function liquidate(
  random: Random,
  life: LoanLife,
  curve: LiquidationCurve,
  chargeOffDate: IsoDate,
  claim: ClaimBalances,
  asOf: IsoDate,
): Liquidation {
  const chargeOffClaimFen = claimFen(claim);
  const state: State = {
    events: [],
    owed: claim,
    plan: 'none',
    planLastMonth: 0,
    planInstalmentFen: ZERO_FEN,
  };
  const asOfDay = dayNumber(asOf);
  for (let month = 1; ; month++) {
    // Month m runs from charge-off + (m − 1) months (the day after charge-off for m = 1) to the eve of charge-off + m months.
    const window: MonthWindow = {
      month,
      firstDay:
        month === 1 ? dayNumber(chargeOffDate) + 1 : addMonthsToDayNumber(chargeOffDate, month - 1),
      lastDay: Math.min(addMonthsToDayNumber(chargeOffDate, month) - 1, asOfDay),
    };
    if (window.firstDay > window.lastDay) break;
    statusEvents(random, state, life, window, chargeOffClaimFen);
    if (life.bankruptMonth === month || life.deceasedMonth === month) {
      if (state.plan === 'active') state.plan = 'broken';
      break;
    }
    if (month <= IN_HOUSE_MONTHS)
      state.events.push({
        eventType: 'cost',
        eventDate: dayIn(random, window),
        amountFen: asFen(random.int(SMS_CALL_MIN_FEN, SMS_CALL_MAX_FEN)),
        costKind: 'sms_call',
      });
    if (life.plan?.startMonth === month) startPlan(state, dayIn(random, window), month, life.plan);
    if (state.plan === 'active') payPlanInstalment(random, state, window);
    else if (!life.fraud) payFromCurve(random, state, life, curve, window, chargeOffClaimFen);
    if (state.plan === 'completed' || claimFen(state.owed) === 0) break;
  }
  // Only a plan still being kept is recorded: the import reads a repayment_plan event as "active" for good.
  if (state.plan === 'active' && state.planStartDate)
    state.events.push({
      eventType: 'status',
      eventDate: state.planStartDate,
      statusEvent: 'repayment_plan',
    });
  state.events.sort(byEventDate);
  if (state.plan === 'completed')
    return { events: state.events, owed: NOTHING_OWED, outcome: 'settled' };
  return {
    events: state.events,
    owed: state.owed,
    outcome: claimFen(state.owed) === 0 ? 'closed' : 'charged_off',
  };
}

/** A month since charge-off as day numbers, cut at the tape date. */
interface MonthWindow {
  month: number;
  firstDay: number;
  lastDay: number;
}

function dayIn(random: Random, window: MonthWindow): IsoDate {
  return fromDayNumber(random.int(window.firstDay, window.lastDay));
}

function statusEvents(
  random: Random,
  state: State,
  life: LoanLife,
  window: MonthWindow,
  chargeOffClaimFen: Fen,
): void {
  const { month } = window;
  const push = (statusEvent: StatusEvent) =>
    state.events.push({ eventType: 'status', eventDate: dayIn(random, window), statusEvent });
  if (life.disputeMonth === month) push('dispute');
  if (life.complaintMonth === month) push('complaint');
  if (life.bankruptMonth === month) push('bankrupt');
  if (life.deceasedMonth === month) push('deceased');
  if (life.litigationMonth === month) {
    const filedOn = dayIn(random, window);
    state.events.push({ eventType: 'status', eventDate: filedOn, statusEvent: 'litigation_filed' });
    const legalFeeFen = asFen(
      Math.min(
        LEGAL_FEE_MAX_FEN,
        Math.max(LEGAL_FEE_MIN_FEN, Math.round(chargeOffClaimFen * LEGAL_FEE_SHARE)),
      ),
    );
    state.events.push({
      eventType: 'cost',
      eventDate: filedOn,
      amountFen: legalFeeFen,
      costKind: 'legal_fee',
    });
    state.events.push({
      eventType: 'cost',
      eventDate: filedOn,
      amountFen: courtFeeFen(chargeOffClaimFen),
      costKind: 'court_fee',
    });
  }
}

function startPlan(
  state: State,
  startDate: IsoDate,
  month: number,
  plan: RepaymentPlanTerms,
): void {
  state.plan = 'active';
  state.planStartDate = startDate;
  state.planLastMonth = month + plan.months - 1;
  state.planInstalmentFen = asFen(
    Math.ceil((claimFen(state.owed) * plan.agreedShare) / plan.months),
  );
}

function payPlanInstalment(random: Random, state: State, window: MonthWindow): void {
  if (!random.chance(PLAN_KEPT_PROBABILITY)) {
    state.plan = 'broken';
    return;
  }
  pay(
    state,
    dayIn(random, window),
    asFen(Math.min(state.planInstalmentFen, claimFen(state.owed))),
    'settlement',
  );
  if (window.month === state.planLastMonth) state.plan = 'completed';
}

function payFromCurve(
  random: Random,
  state: State,
  life: LoanLife,
  curve: LiquidationCurve,
  window: MonthWindow,
  chargeOffClaimFen: Fen,
): void {
  const { month } = window;
  const litigated = life.litigationMonth !== undefined && month >= life.litigationMonth;
  const boost =
    litigated && month < (life.litigationMonth ?? 0) + LITIGATION_BOOST_MONTHS
      ? LITIGATION_BOOST
      : 1;
  const probability = Math.min(
    MAX_MONTHLY_PAYMENT_PROBABILITY,
    (life.propensity * boost * incrementalRecoveryRate(curve, month)) / PAYMENT_SHARE_MEAN,
  );
  if (!random.chance(probability)) return;
  const wantedFen = Math.max(
    MIN_PAYMENT_FEN,
    Math.round(chargeOffClaimFen * random.logNormal(PAYMENT_SHARE_MEDIAN, PAYMENT_SHARE_SIGMA)),
  );
  const amountFen = asFen(Math.min(wantedFen, claimFen(state.owed)));
  const channel: PaymentChannel = litigated
    ? 'legal'
    : month <= IN_HOUSE_MONTHS
      ? 'in_house'
      : 'agency';
  const date = dayIn(random, window);
  pay(state, date, amountFen, channel);
  if (channel !== 'agency') return;
  const stage = month <= PRIMARY_LAST_MONTH ? 0 : month <= SECONDARY_LAST_MONTH ? 1 : 2;
  const commissionFen = asFen(
    Math.round(amountFen * (COMMISSION_BY_STAGE[stage] + life.commissionLoading)),
  );
  if (commissionFen > 0)
    state.events.push({
      eventType: 'cost',
      eventDate: date,
      amountFen: commissionFen,
      costKind: 'agency_commission',
    });
}

function pay(state: State, date: IsoDate, amountFen: Fen, paymentChannel: PaymentChannel): void {
  state.owed = applyPayment(state.owed, amountFen);
  state.events.push({ eventType: 'payment', eventDate: date, amountFen, paymentChannel });
}
