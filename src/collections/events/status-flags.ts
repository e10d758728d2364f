import type { StatusEvent } from '../../../db';

/**
 * The loan flag each status event sets: what eligibility screening later reads (a bankrupt,
 * deceased, disputed … loan is excluded from a sale).
 */
export const flagOfStatusEvent = {
  bankrupt: 'bankrupt',
  deceased: 'deceased',
  dispute: 'disputed',
  litigation_filed: 'litigation_pending',
  complaint: 'complaint_open',
  repayment_plan: 'active_repayment_plan',
} as const satisfies Record<StatusEvent, string>;
