import type {
  CostKind,
  PaymentChannel,
  StatusEvent,
  LitigationStatus,
  LoanStatus,
  PlacementStage,
} from '../../db';
import type { Fen, IsoDate } from '../shared';
import type { DemoProduct } from './products';

/** One loan of the demo book as of its tape date; money in integer fen. */
export interface DemoLoan {
  loanId: string;
  borrowerId: string;
  borrowerName: string;
  nationalId: string;
  mobilePhone: string;
  province: string;
  city: string;
  mailingAddress: string;
  postalCode: string;
  product: DemoProduct;
  channel: string;
  currency: 'CNY';
  originationDate: IsoDate;
  /** Absent for revolving credit (cards). */
  maturityDate: IsoDate | null;
  originalPrincipalFen: Fen;
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  penaltyFen: Fen;
  daysPastDue: number;
  lastPaymentDate: IsoDate | null;
  lastPaymentFen: Fen | null;
  status: LoanStatus;
  chargeOffDate: IsoDate | null;
  chargeOffFen: Fen | null;
  bankrupt: boolean;
  deceased: boolean;
  disputed: boolean;
  fraud: boolean;
  litigationPending: boolean;
  complaintOpen: boolean;
  activeRepaymentPlan: boolean;
  /** What sale-eligibility screening reads (sale-facts.ts). */
  birthDate: IsoDate;
  servicemember: boolean;
  documentsComplete: boolean;
  lastAcknowledgementDate: IsoDate | null;
  placementStage: PlacementStage | null;
  litigationStatus: LitigationStatus;
}

/** One row of a loan's collection history: exactly one of payment, cost or status. */
export type DemoEvent =
  | {
      eventType: 'payment';
      eventDate: IsoDate;
      amountFen: Fen;
      paymentChannel: PaymentChannel;
      note?: string;
    }
  | { eventType: 'cost'; eventDate: IsoDate; amountFen: Fen; costKind: CostKind; note?: string }
  | { eventType: 'status'; eventDate: IsoDate; statusEvent: StatusEvent; note?: string };

/** What the generator yields: a loan and its collection history in date order. */
export interface DemoLoanRecord {
  loan: DemoLoan;
  events: DemoEvent[];
}

/** A loan without its borrower, product and channel: what its status and history decide. */
export interface LoanDraft {
  fields: Omit<
    DemoLoan,
    | 'loanId'
    | 'borrowerId'
    | 'borrowerName'
    | 'nationalId'
    | 'mobilePhone'
    | 'province'
    | 'city'
    | 'mailingAddress'
    | 'postalCode'
    | 'product'
    | 'channel'
    | 'currency'
    | 'birthDate'
    | 'servicemember'
    | 'documentsComplete'
  >;
  events: DemoEvent[];
}
