import { addDays, daysBetween, type IsoDate } from '../shared';
import { delinquentAccount } from './account';
import { claimFen } from '../shared';
import { drawChargeOffDate, type ChargeOffCohort } from './cohorts';
import { statusFlags } from './flags';
import { drawLoanLife } from './life-events';
import { liquidate } from './liquidation';
import { liquidationCurve } from './liquidation-curve';
import { lastAcknowledgementDate, litigationStatusAt, placementStageAt } from './sale-facts';
import type { ProductTerms } from './products';
import type { Random } from './random';
import type { DemoEvent, LoanDraft } from './types';

type PaymentEvent = Extract<DemoEvent, { eventType: 'payment' }>;

/** The platform's default policy: unsecured consumer credit is charged off at 180 days past due. */
export const CHARGE_OFF_DPD = 180;

/**
 * A loan charged off at 180 DPD on a date in `cohort`, with its collections since then. Days past
 * due keep counting from the first missed payment (180 + days since charge-off) while anything is
 * owed; a completed repayment plan settles it, full payment closes it.
 */
export function chargedOffLoan(
  random: Random,
  terms: ProductTerms,
  cohort: ChargeOffCohort,
  asOf: IsoDate,
): LoanDraft {
  const chargeOffDate = drawChargeOffDate(random, cohort);
  const account = delinquentAccount(
    random,
    terms,
    addDays(chargeOffDate, -CHARGE_OFF_DPD),
    CHARGE_OFF_DPD,
  );
  const chargeOffFen = claimFen(account.claim);
  const life = drawLoanLife(random, terms, chargeOffFen);
  const curve = liquidationCurve(terms, chargeOffFen, cohort.vintageFactor);
  const liquidation = liquidate(random, life, curve, chargeOffDate, account.claim, asOf);
  const stillOwed = liquidation.outcome === 'charged_off';
  const lastPayment = liquidation.events.findLast(
    (event): event is PaymentEvent => event.eventType === 'payment',
  );
  return {
    fields: {
      originationDate: account.originationDate,
      maturityDate: account.maturityDate,
      originalPrincipalFen: account.originalPrincipalFen,
      ...liquidation.owed,
      daysPastDue: stillOwed ? CHARGE_OFF_DPD + daysBetween(chargeOffDate, asOf) : 0,
      lastPaymentDate: lastPayment ? lastPayment.eventDate : account.lastPaymentDate,
      lastPaymentFen: lastPayment ? lastPayment.amountFen : account.lastPaymentFen,
      status: liquidation.outcome,
      chargeOffDate,
      chargeOffFen,
      ...statusFlags(liquidation.events),
      fraud: life.fraud,
      lastAcknowledgementDate: lastAcknowledgementDate(liquidation.events),
      placementStage: placementStageAt(chargeOffDate, asOf),
      litigationStatus: litigationStatusAt(liquidation.events, asOf),
    },
    events: liquidation.events,
  };
}
