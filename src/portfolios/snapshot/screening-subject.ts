import type { LitigationStatus, LoanStatus } from '../../../db';
import type { ProductKind } from '../../products';
import type { IsoDate, Fen } from '../../shared';

/**
 * What an eligibility rule sees of a loan on the screening date: its snapshot (balances frozen at
 * the cut-off) and what is known about it on `asOf` (status, flags, payments up to that day).
 */
export interface ScreeningSubject {
  asOf: IsoDate;
  status: LoanStatus;
  product: string;
  /**
   * What the product table says the product is; null when no product of the table answers to the
   * name the tape gave (an unknown product is never taken for some other kind).
   */
  productKind: ProductKind | null;
  originationDate: IsoDate;
  /** Unknown when neither the tape nor the national id gives it. */
  birthDate: IsoDate | null;
  chargeOffDate: IsoDate;
  dpdAtChargeOff: number;
  /** Total claim at the cut-off date. */
  claimFen: Fen;
  chargeOffFen: Fen;
  /** Payments after the charge-off date up to `asOf`. */
  collectedFen: Fen;
  /**
   * The claim still on file on `asOf`: the loan's off-balance register (账销案存) movements dated
   * up to that day. Null when the loan was never entered on the register.
   */
  claimOnFileFen: Fen | null;
  lastPaymentDate: IsoDate | null;
  lastAcknowledgementDate: IsoDate | null;
  litigationStatus: LitigationStatus;
  bankrupt: boolean;
  deceased: boolean;
  fraud: boolean;
  disputed: boolean;
  complaintOpen: boolean;
  activeRepaymentPlan: boolean;
  servicemember: boolean;
  documentsComplete: boolean;
}
