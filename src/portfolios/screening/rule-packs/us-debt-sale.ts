import type { RulePack } from '../rule-pack';
import {
  inDefaultLongerThan,
  isFullyRecovered,
  isLitigationPending,
  isSettledOrOnPlan,
  wasMinorAtOrigination,
} from '../subject-facts';

/** Accounts longer in default than this are not sold (the common industry cut-off, and near most states' limitation periods). */
const MAX_YEARS_IN_DEFAULT = 3;

/**
 * US debt-sale practice under OCC Bulletin 2014-37 and the CFPB's expectations: accounts a bank
 * should not sell, because the buyer could not lawfully or fairly collect them.
 */
export const usDebtSale: RulePack = {
  id: 'us-debt-sale',
  version: 1,
  nameZh: '美国债务出售（OCC 2014-37、CFPB）',
  nameEn: 'US debt sale (OCC 2014-37, CFPB)',
  buyerTypes: ['collection_agency', 'amc'],
  rules: [
    {
      id: 'bankruptcy',
      action: 'exclude',
      descriptionZh: '借款人破产',
      descriptionEn: 'Borrower in bankruptcy',
      predicate: (s) => s.bankrupt,
    },
    {
      id: 'deceased',
      action: 'exclude',
      descriptionZh: '借款人身故',
      descriptionEn: 'Borrower deceased',
      predicate: (s) => s.deceased,
    },
    {
      id: 'identity_theft',
      action: 'exclude',
      descriptionZh: '身份盗用或欺诈申诉',
      descriptionEn: 'Identity-theft or fraud claim',
      predicate: (s) => s.fraud,
    },
    {
      id: 'settled_or_paid',
      action: 'exclude',
      descriptionZh: '已结清、已和解、正在履行还款计划或已全额回收',
      descriptionEn: 'Paid, settled, on a payment plan, or fully recovered',
      predicate: (s) => isSettledOrOnPlan(s) || isFullyRecovered(s),
    },
    {
      id: 'dispute_or_litigation',
      action: 'exclude',
      descriptionZh: '存在争议、投诉或未决诉讼',
      descriptionEn: 'Dispute, complaint or litigation pending',
      predicate: (s) => s.disputed || s.complaintOpen || isLitigationPending(s),
    },
    {
      id: 'servicemember',
      action: 'exclude',
      descriptionZh: '借款人为现役军人（SCRA）',
      descriptionEn: 'Borrower an active-duty servicemember (SCRA)',
      predicate: (s) => s.servicemember,
    },
    {
      id: 'over_three_years_in_default',
      action: 'exclude',
      descriptionZh: '违约超过三年',
      descriptionEn: 'More than three years in default',
      predicate: (s) => inDefaultLongerThan(s, MAX_YEARS_IN_DEFAULT),
    },
    {
      id: 'minor',
      action: 'exclude',
      descriptionZh: '放款时借款人未成年',
      descriptionEn: 'Borrower a minor at origination',
      predicate: wasMinorAtOrigination,
    },
    {
      id: 'missing_documents',
      action: 'exclude',
      descriptionZh: '债权资料不全',
      descriptionEn: 'Account documents missing',
      predicate: (s) => !s.documentsComplete,
    },
    {
      id: 'already_sold',
      action: 'exclude',
      descriptionZh: '债权已出售',
      descriptionEn: 'Already sold',
      predicate: (s) => s.status === 'sold',
    },
  ],
};
