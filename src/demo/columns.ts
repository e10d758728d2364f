import { formatFen, type Fen } from '../shared';
import type { DemoEvent, DemoLoan } from './types';

/** The loan tape's canonical column names, in the order the demo files carry them. */
export const LOAN_TAPE_COLUMNS = [
  'loan_id',
  'borrower_id',
  'borrower_name',
  'national_id',
  'mobile_phone',
  'province',
  'city',
  'mailing_address',
  'postal_code',
  'product',
  'channel',
  'currency',
  'origination_date',
  'maturity_date',
  'original_principal',
  'principal_balance',
  'interest_balance',
  'fee_balance',
  'penalty_balance',
  'days_past_due',
  'last_payment_date',
  'last_payment_amount',
  'status',
  'charge_off_date',
  'charge_off_amount',
  'bankrupt',
  'deceased',
  'disputed',
  'fraud',
  'litigation_pending',
  'complaint_open',
  'active_repayment_plan',
  'birth_date',
  'servicemember',
  'documents_complete',
  'last_acknowledgement_date',
  'placement_stage',
  'litigation_status',
] as const;

/** The collections file's canonical column names. */
export const COLLECTION_COLUMNS = [
  'loan_id',
  'event_date',
  'event_type',
  'amount',
  'payment_channel',
  'cost_kind',
  'status_event',
  'note',
] as const;

const flag = (value: boolean) => (value ? '1' : '0');
const amount = (fen: Fen | null) => (fen === null ? '' : formatFen(fen));

/** A loan as tape fields: amounts as decimal yuan, dates ISO, flags 1/0, absent values empty. */
export function loanTapeRow(loan: DemoLoan): string[] {
  return [
    loan.loanId,
    loan.borrowerId,
    loan.borrowerName,
    loan.nationalId,
    loan.mobilePhone,
    loan.province,
    loan.city,
    loan.mailingAddress,
    loan.postalCode,
    loan.product,
    loan.channel,
    loan.currency,
    loan.originationDate,
    loan.maturityDate ?? '',
    amount(loan.originalPrincipalFen),
    amount(loan.principalFen),
    amount(loan.interestFen),
    amount(loan.feeFen),
    amount(loan.penaltyFen),
    String(loan.daysPastDue),
    loan.lastPaymentDate ?? '',
    amount(loan.lastPaymentFen),
    loan.status,
    loan.chargeOffDate ?? '',
    amount(loan.chargeOffFen),
    flag(loan.bankrupt),
    flag(loan.deceased),
    flag(loan.disputed),
    flag(loan.fraud),
    flag(loan.litigationPending),
    flag(loan.complaintOpen),
    flag(loan.activeRepaymentPlan),
    loan.birthDate,
    flag(loan.servicemember),
    flag(loan.documentsComplete),
    loan.lastAcknowledgementDate ?? '',
    loan.placementStage ?? '',
    loan.litigationStatus,
  ];
}

/** A collection event as file fields. */
export function collectionRow(loanId: string, event: DemoEvent): string[] {
  const note = event.note ?? '';
  switch (event.eventType) {
    case 'payment':
      return [
        loanId,
        event.eventDate,
        'payment',
        formatFen(event.amountFen),
        event.paymentChannel,
        '',
        '',
        note,
      ];
    case 'cost':
      return [
        loanId,
        event.eventDate,
        'cost',
        formatFen(event.amountFen),
        '',
        event.costKind,
        '',
        note,
      ];
    case 'status':
      return [loanId, event.eventDate, 'status', '', '', '', event.statusEvent, note];
  }
}
