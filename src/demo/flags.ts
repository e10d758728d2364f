import type { StatusEvent } from '../../db';
import type { DemoEvent, DemoLoan } from './types';

/** The loan flags that status events set. */
export type StatusFlags = Pick<
  DemoLoan,
  | 'bankrupt'
  | 'deceased'
  | 'disputed'
  | 'complaintOpen'
  | 'litigationPending'
  | 'activeRepaymentPlan'
>;

const FLAG_OF_EVENT: Record<StatusEvent, keyof StatusFlags> = {
  bankrupt: 'bankrupt',
  deceased: 'deceased',
  dispute: 'disputed',
  complaint: 'complaintOpen',
  litigation_filed: 'litigationPending',
  repayment_plan: 'activeRepaymentPlan',
};

/**
 * The flags a loan's status events set. The collections import sets a flag for every status
 * event it reads and never clears one, so the tape carries exactly the same flags: the book reads
 * the same whether a user looks at the tape or at the imported history. (The generator therefore
 * only records a repayment plan that is still being kept.)
 */
export function statusFlags(events: readonly DemoEvent[]): StatusFlags {
  const flags: StatusFlags = {
    bankrupt: false,
    deceased: false,
    disputed: false,
    complaintOpen: false,
    litigationPending: false,
    activeRepaymentPlan: false,
  };
  for (const event of events)
    if (event.eventType === 'status') flags[FLAG_OF_EVENT[event.statusEvent]] = true;
  return flags;
}
