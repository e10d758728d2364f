import { limitationDaysLeft, type ScreeningSubject } from '../../snapshot';
import type { ProductKind } from '../../../products';
import type { RulePack } from '../rule-pack';
import {
  isFullyRecovered,
  isLitigationPending,
  isSettledOrOnPlan,
  wasMinorAtOrigination,
} from '../subject-facts';

/** 民法典 art. 188: the general limitation period is three years. */
const LIMITATION_YEARS = 3;
/** A claim this close to its limitation date is flagged: the buyer must act (demand, sue) at once. */
const NEAR_LIMITATION_DAYS = 90;

/**
 * The kinds of product a batch transfer of personal NPLs may include (银保监办便函〔2021〕26号):
 * unsecured consumer loans, credit-card overdrafts and unsecured personal business loans. The
 * lender's product table says which kind each of its products is.
 */
const TRANSFERABLE_KINDS: ReadonlySet<ProductKind> = new Set<ProductKind>([
  'unsecured_consumer_loan',
  'credit_card_overdraft',
  'small_business_credit',
]);

/** A lawsuit interrupts the limitation period (art. 195), so only loans never sued on can be time-barred. */
const daysToLimitation = (subject: ScreeningSubject) =>
  subject.litigationStatus === 'none'
    ? limitationDaysLeft(subject, subject.asOf, LIMITATION_YEARS)
    : Infinity;

/**
 * The Chinese practice for batch transfers of written-off personal loans (个人不良贷款批量转让):
 * what may not be transferred, and what a buyer must be warned about.
 */
export const cnPersonalNpl: RulePack = {
  id: 'cn-personal-npl',
  // v2: products judged by the kind the product table gives them; an unknown product is its own reason.
  version: 2,
  nameZh: '个人不良贷款批量转让',
  nameEn: 'Chinese batch transfer of personal NPLs',
  buyerTypes: ['amc'],
  rules: [
    {
      id: 'bankrupt',
      action: 'exclude',
      descriptionZh: '借款人个人破产或债务清理',
      descriptionEn: 'Borrower in personal bankruptcy or debt relief',
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
      id: 'fraud',
      action: 'exclude',
      descriptionZh: '涉嫌欺诈或冒用身份',
      descriptionEn: 'Fraud or identity-theft claim',
      predicate: (s) => s.fraud,
    },
    {
      id: 'settled_or_on_plan',
      action: 'exclude',
      descriptionZh: '已结清、已和解或正在履行还款计划',
      descriptionEn: 'Paid, settled, or on an active repayment plan',
      predicate: isSettledOrOnPlan,
    },
    {
      id: 'dispute_or_complaint',
      action: 'exclude',
      descriptionZh: '存在未决争议或投诉',
      descriptionEn: 'Dispute or complaint open',
      predicate: (s) => s.disputed || s.complaintOpen,
    },
    {
      id: 'litigation_pending',
      action: 'exclude',
      descriptionZh: '诉讼未决',
      descriptionEn: 'Litigation pending',
      predicate: isLitigationPending,
    },
    {
      id: 'time_barred',
      action: 'exclude',
      descriptionZh: '已过诉讼时效（自最后还款或承认之日起三年）',
      descriptionEn: 'Time-barred: three years since the last payment or acknowledgement',
      predicate: (s) => daysToLimitation(s) < 0,
    },
    {
      id: 'near_time_bar',
      action: 'flag',
      descriptionZh: '距诉讼时效届满不足90天',
      descriptionEn: 'Within 90 days of the limitation date',
      predicate: (s) => {
        const daysLeft = daysToLimitation(s);
        return daysLeft >= 0 && daysLeft <= NEAR_LIMITATION_DAYS;
      },
    },
    {
      id: 'minor_at_origination',
      action: 'exclude',
      descriptionZh: '放款时借款人未满18周岁',
      descriptionEn: 'Borrower under 18 at origination',
      predicate: wasMinorAtOrigination,
    },
    {
      id: 'already_sold',
      action: 'exclude',
      descriptionZh: '债权已转让',
      descriptionEn: 'Already sold',
      predicate: (s) => s.status === 'sold',
    },
    {
      id: 'fully_recovered',
      action: 'exclude',
      descriptionZh: '已全额回收',
      descriptionEn: 'Fully recovered',
      predicate: isFullyRecovered,
    },
    {
      id: 'product_not_transferable',
      action: 'exclude',
      descriptionZh: '非个人无抵押消费贷款、信用卡透支或个人无抵押经营贷款',
      descriptionEn:
        'Not an unsecured consumer loan, credit-card overdraft or unsecured personal business loan',
      predicate: (s) => s.productKind !== null && !TRANSFERABLE_KINDS.has(s.productKind),
    },
    {
      id: 'unknown_product',
      action: 'exclude',
      descriptionZh: '产品未在产品表登记，无法判断是否可转让',
      descriptionEn:
        'Unknown product: not in the product table, so whether it may be transferred is unknown',
      predicate: (s) => s.productKind === null,
    },
  ],
};
