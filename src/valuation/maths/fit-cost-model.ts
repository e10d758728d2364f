import type { IsoDate } from '../../shared';
import { lastCompleteMonth, monthIndex } from './calendar-month';
import type { CostModel } from './cost-model';

export interface CostRecord {
  loanId: string;
  eventDate: IsoDate;
  amountFen: number;
  costKind: string;
}

export interface PaymentRecord {
  loanId: string;
  eventDate: IsoDate;
  amountFen: number;
  channel: string;
}

const COMMISSION_KINDS = new Set(['agency_commission']);
const LEGAL_KINDS = new Set(['legal_fee', 'court_fee']);
/** Commission recorded without a payment of the same loan on the same day is the agencies'. */
const COMMISSION_CHANNEL_BY_DEFAULT = 'agency';

/**
 * The cost model learnt from the cost history up to the last complete month of `asOf`:
 * - commission rate of a channel = commission ÷ payments of that channel, a commission being
 *   charged on the payment of the same loan and day (agencies bill per payment collected);
 * - channel mix by age = each channel's share of the payments made at that age since charge-off;
 * - legal cost per litigated account = legal and court fees ÷ accounts that had any;
 * - fixed cost per account per month = every other cost (calls, SMS, …) ÷ account-months observed,
 *   an account being observed from its charge-off month to the last complete month.
 * @example fitCostModel(costs, payments, loans, '2025-12-31').commissionRateByChannel.agency // 0.28
 * @throws RangeError when there are no loans charged off by `asOf`
 */
export function fitCostModel(
  costs: readonly CostRecord[],
  payments: readonly PaymentRecord[],
  loans: readonly { loanId: string; chargeOffDate: IsoDate }[],
  asOf: IsoDate,
): CostModel {
  const lastMonth = lastCompleteMonth(asOf);
  const chargeOffMonth = new Map<string, number>();
  let accountMonths = 0;
  for (const loan of loans) {
    const month = monthIndex(loan.chargeOffDate);
    if (month > lastMonth) continue;
    chargeOffMonth.set(loan.loanId, month);
    accountMonths += lastMonth - month + 1;
  }
  if (chargeOffMonth.size === 0) throw new RangeError(`no loan was charged off by ${asOf}`);
  const inWindow = (record: { loanId: string; eventDate: IsoDate }) =>
    chargeOffMonth.has(record.loanId) && monthIndex(record.eventDate) <= lastMonth;

  const paidByChannel = new Map<string, number>();
  const channelOfPayment = new Map<string, string>();
  const paidByAgeAndChannel: Map<string, number>[] = [];
  for (const payment of payments.filter(inWindow)) {
    add(paidByChannel, payment.channel, payment.amountFen);
    channelOfPayment.set(`${payment.loanId}|${payment.eventDate}`, payment.channel);
    const age = Math.max(
      0,
      monthIndex(payment.eventDate) - (chargeOffMonth.get(payment.loanId) ?? 0),
    );
    while (paidByAgeAndChannel.length <= age) paidByAgeAndChannel.push(new Map());
    add(paidByAgeAndChannel[age] ?? new Map(), payment.channel, payment.amountFen);
  }

  const commissionByChannel = new Map<string, number>();
  const litigated = new Set<string>();
  let legalFen = 0;
  let fixedFen = 0;
  for (const cost of costs.filter(inWindow)) {
    if (COMMISSION_KINDS.has(cost.costKind)) {
      add(
        commissionByChannel,
        channelOfPayment.get(`${cost.loanId}|${cost.eventDate}`) ?? COMMISSION_CHANNEL_BY_DEFAULT,
        cost.amountFen,
      );
    } else if (LEGAL_KINDS.has(cost.costKind)) {
      legalFen += cost.amountFen;
      litigated.add(cost.loanId);
    } else {
      fixedFen += cost.amountFen;
    }
  }
  const commissionRateByChannel: Record<string, number> = {};
  for (const [channel, paidFen] of paidByChannel)
    commissionRateByChannel[channel] = (commissionByChannel.get(channel) ?? 0) / paidFen;
  return {
    commissionRateByChannel,
    channelMixByAge: shares(paidByAgeAndChannel, paidByChannel),
    legalCostPerLitigatedAccountFen: litigated.size === 0 ? 0 : legalFen / litigated.size,
    fixedCostPerAccountMonthFen: fixedFen / accountMonths,
  };
}

function add(totals: Map<string, number>, key: string, amount: number): void {
  totals.set(key, (totals.get(key) ?? 0) + amount);
}

/** Each age's channel shares; an age without payments takes the mix of all ages. */
function shares(
  byAge: readonly Map<string, number>[],
  overall: Map<string, number>,
): Record<string, number>[] {
  const toShares = (totals: Map<string, number>) => {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    return Object.fromEntries([...totals].map(([channel, amount]) => [channel, amount / sum]));
  };
  const overallMix = overall.size === 0 ? {} : toShares(overall);
  return byAge.length === 0
    ? [overallMix]
    : byAge.map((totals) => (totals.size === 0 ? overallMix : toShares(totals)));
}
