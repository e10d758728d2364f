import type { DisclosureTier } from '../../../db';
import { birthYear, maskName, maskNationalId, maskPhone } from './disclosure-masking';
import type { TapeRow } from './tape-row';
import {
  borrowerAge,
  dpdAtChargeOff,
  dpdAtCutOff,
  type Measure,
  monthsSinceChargeOff,
} from './measures';

import type { CellKind, CellValue } from '../../xlsx';

/** What a tape column may use besides the row: the tier and the portfolio's pseudonyms. */
export interface Disclosure {
  tier: DisclosureTier;
  /** The loan's (or borrower's) stable pseudonymous token in this portfolio. */
  token: (id: string) => string;
}

export interface TapeColumn {
  headerZh: string;
  headerEn: string;
  kind: CellKind;
  width: number;
  definitionZh: string;
  definitionEn: string;
  value: (row: TapeRow, disclosure: Disclosure) => CellValue;
}

const clearOr =
  (masked: (value: string) => string) => (value: string | null, disclosure: Disclosure) =>
    value === null ? null : disclosure.tier === 'P2' ? value : masked(value);

const name = clearOr(maskName);
const nationalId = clearOr(maskNationalId);
const phone = clearOr(maskPhone);
/** A column of one of the measures the Summary and Strats total (measures.ts). */
const measureColumn = (
  measure: Measure,
  column: Pick<TapeColumn, 'kind' | 'width' | 'value'>,
): TapeColumn => ({
  headerZh: measure.zh,
  headerEn: measure.en,
  definitionZh: measure.definitionZh,
  definitionEn: measure.definitionEn,
  ...column,
});

const ref = (id: string, disclosure: Disclosure) =>
  disclosure.tier === 'P2' ? id : disclosure.token(id);

/**
 * The data room's loan tape, one column table for both tiers: P1 masks the identities and replaces
 * the loan and borrower ids by the portfolio's tokens (docs/domain.md §5); P2 shows them clear. The
 * Read-me sheet prints each column's definitions from here. Balances are the snapshot at the cut-off.
 */
export const tapeColumns: readonly TapeColumn[] = [
  {
    headerZh: '贷款编号',
    headerEn: 'Loan reference',
    kind: 'id',
    width: 22,
    definitionZh: 'P1：本资产包内稳定的匿名令牌；P2：贷款合同编号',
    definitionEn: 'P1: a pseudonymous token, stable within this portfolio; P2: the loan id',
    value: (row, d) => ref(row.loanId, d),
  },
  {
    headerZh: '借款人编号',
    headerEn: 'Borrower reference',
    kind: 'id',
    width: 22,
    definitionZh: '同一借款人的各笔贷款编号相同（户数）',
    definitionEn: 'The same for every loan of one borrower (户数); P1 a token',
    value: (row, d) => (d.tier === 'P2' ? row.borrowerId : d.token(`borrower:${row.borrowerId}`)),
  },
  {
    headerZh: '借款人姓名',
    headerEn: 'Borrower name',
    kind: 'text',
    width: 12,
    definitionZh: 'P1 仅显示姓氏（张*）',
    definitionEn: 'P1 shows the first character only (张*)',
    value: (row, d) => name(row.borrowerName, d),
  },
  {
    headerZh: '身份证号',
    headerEn: 'National id',
    kind: 'id',
    width: 20,
    definitionZh: 'P1 仅显示前3位和后4位',
    definitionEn: 'P1 shows the first 3 and last 4 characters',
    value: (row, d) => nationalId(row.nationalId, d),
  },
  {
    headerZh: '手机号',
    headerEn: 'Mobile phone',
    kind: 'id',
    width: 14,
    definitionZh: 'P1 仅显示前3位和后4位',
    definitionEn: 'P1 shows the first 3 and last 4 digits',
    value: (row, d) => phone(row.mobilePhone, d),
  },
  {
    headerZh: '出生日期',
    headerEn: 'Birth date',
    kind: 'text',
    width: 12,
    definitionZh: 'P1 仅显示出生年份',
    definitionEn: 'P1 shows the year only',
    value: (row, d) =>
      row.birthDate === null ? null : d.tier === 'P2' ? row.birthDate : birthYear(row.birthDate),
  },
  measureColumn(borrowerAge, { kind: 'integer', width: 8, value: (row) => row.borrowerAgeYears }),
  {
    headerZh: '省份',
    headerEn: 'Province',
    kind: 'text',
    width: 10,
    definitionZh: '借款人所在省份',
    definitionEn: "Borrower's province",
    value: (row) => row.province,
  },
  {
    headerZh: '城市',
    headerEn: 'City',
    kind: 'text',
    width: 10,
    definitionZh: '借款人所在城市',
    definitionEn: "Borrower's city",
    value: (row) => row.city,
  },
  {
    headerZh: '产品',
    headerEn: 'Product',
    kind: 'text',
    width: 14,
    definitionZh: '贷款产品',
    definitionEn: 'Loan product',
    value: (row) => row.product,
  },
  {
    headerZh: '获客渠道',
    headerEn: 'Channel',
    kind: 'text',
    width: 12,
    definitionZh: '放款渠道',
    definitionEn: 'Origination channel',
    value: (row) => row.channel,
  },
  {
    headerZh: '放款日',
    headerEn: 'Origination date',
    kind: 'date',
    width: 12,
    definitionZh: '贷款发放日',
    definitionEn: 'Date the loan was made',
    value: (row) => row.originationDate,
  },
  {
    headerZh: '核销日',
    headerEn: 'Charge-off date',
    kind: 'date',
    width: 12,
    definitionZh: '坏账核销日',
    definitionEn: 'Date the loan was written off',
    value: (row) => row.chargeOffDate,
  },
  {
    headerZh: '最后还款日',
    headerEn: 'Last payment date',
    kind: 'date',
    width: 12,
    definitionZh: '基准日前最后一次还款',
    definitionEn: 'Last payment before the cut-off date',
    value: (row) => row.lastPaymentDate,
  },
  {
    headerZh: '原始本金',
    headerEn: 'Original principal',
    kind: 'money',
    width: 14,
    definitionZh: '合同本金（元）',
    definitionEn: 'Principal lent (yuan)',
    value: (row) => row.originalPrincipalFen,
  },
  {
    headerZh: '未偿本金',
    headerEn: 'Principal',
    kind: 'money',
    width: 14,
    definitionZh: '基准日未偿本金（元）',
    definitionEn: 'Principal owed at the cut-off (yuan)',
    value: (row) => row.principalFen,
  },
  {
    headerZh: '利息',
    headerEn: 'Interest',
    kind: 'money',
    width: 12,
    definitionZh: '基准日未付利息（元）',
    definitionEn: 'Interest owed at the cut-off (yuan)',
    value: (row) => row.interestFen,
  },
  {
    headerZh: '费用',
    headerEn: 'Fees',
    kind: 'money',
    width: 12,
    definitionZh: '基准日未付费用（元）',
    definitionEn: 'Fees owed at the cut-off (yuan)',
    value: (row) => row.feeFen,
  },
  {
    headerZh: '罚息',
    headerEn: 'Penalty interest',
    kind: 'money',
    width: 12,
    definitionZh: '基准日未付罚息（元）',
    definitionEn: 'Penalty interest owed at the cut-off (yuan)',
    value: (row) => row.penaltyFen,
  },
  {
    headerZh: '债权总额',
    headerEn: 'Claim',
    kind: 'money',
    width: 14,
    definitionZh: '本金+利息+费用+罚息（转让的债权，元）',
    definitionEn: 'Principal + interest + fees + penalty: the claim transferred (yuan)',
    value: (row) => row.claimFen,
  },
  {
    headerZh: '核销金额',
    headerEn: 'Charged-off balance',
    kind: 'money',
    width: 14,
    definitionZh: '核销时的余额（元）',
    definitionEn: 'Balance when written off (yuan)',
    value: (row) => row.chargeOffFen,
  },
  {
    headerZh: '核销后回收',
    headerEn: 'Collected since charge-off',
    kind: 'money',
    width: 14,
    definitionZh: '核销日至基准日的回收（元）',
    definitionEn: 'Collected from charge-off to the cut-off (yuan)',
    value: (row) => row.collectedFen,
  },
  {
    headerZh: '最后还款金额',
    headerEn: 'Last payment amount',
    kind: 'money',
    width: 14,
    definitionZh: '最后一次还款金额（元）',
    definitionEn: 'Amount of the last payment (yuan)',
    value: (row) => row.lastPaymentFen,
  },
  measureColumn(dpdAtChargeOff, {
    kind: 'integer',
    width: 10,
    value: (row) => row.dpdAtChargeOff,
  }),
  measureColumn(dpdAtCutOff, { kind: 'integer', width: 10, value: (row) => row.dpdAtCutOff }),
  measureColumn(monthsSinceChargeOff, {
    kind: 'integer',
    width: 10,
    value: (row) => row.monthsSinceChargeOff,
  }),
  {
    headerZh: '距最后还款月数',
    headerEn: 'Months since last payment',
    kind: 'integer',
    width: 10,
    definitionZh: '最后还款至基准日的月数',
    definitionEn: 'Months from the last payment to the cut-off',
    value: (row) => row.monthsSinceLastPayment,
  },
  {
    headerZh: '委外阶段',
    headerEn: 'Placement stage',
    kind: 'text',
    width: 10,
    definitionZh: 'fresh/primary/secondary/tertiary：此前委外次数',
    definitionEn: 'fresh, primary, secondary, tertiary: agency placements so far',
    value: (row) => row.placementStage,
  },
  {
    headerZh: '诉讼状态',
    headerEn: 'Litigation status',
    kind: 'text',
    width: 11,
    definitionZh: 'none/filed/judgment/enforcement/terminated',
    definitionEn: 'none, filed, judgment, enforcement, terminated',
    value: (row) => row.litigationStatus,
  },
  {
    headerZh: '资料齐全',
    headerEn: 'Documents complete',
    kind: 'text',
    width: 9,
    definitionZh: '合同、对账单等债权资料是否齐全',
    definitionEn: 'Contract, statements and proof of debt on file',
    value: (row) => (row.documentsComplete ? 'yes' : 'no'),
  },
  {
    headerZh: '筛查结论',
    headerEn: 'Screening verdict',
    kind: 'text',
    width: 10,
    definitionZh: 'eligible 合格；flagged 需关注（见规则）',
    definitionEn: 'eligible, or flagged for review (see the rules)',
    value: (row) => row.verdict,
  },
  {
    headerZh: '触发规则',
    headerEn: 'Rules fired',
    kind: 'text',
    width: 24,
    definitionZh: '触发的筛查规则编号（见说明页规则表）',
    definitionEn: 'Ids of the screening rules that fired (rule table on the Read-me sheet)',
    value: (row) =>
      row.firedRules === null ? null : (JSON.parse(row.firedRules) as string[]).join(', '),
  },
  {
    headerZh: '通讯地址',
    headerEn: 'Mailing address',
    kind: 'text',
    width: 36,
    definitionZh: 'P1 不披露；P2 借款人通讯地址（债权转让通知寄送地址）',
    definitionEn:
      "P1 withheld; P2 the borrower's mailing address, where the notice of assignment is posted",
    value: (row, d) => (d.tier === 'P2' ? row.mailingAddress : null),
  },
  {
    headerZh: '邮政编码',
    headerEn: 'Postal code',
    kind: 'id',
    width: 9,
    definitionZh: 'P1 不披露；P2 通讯地址的邮政编码',
    definitionEn: "P1 withheld; P2 the mailing address's postal code",
    value: (row, d) => (d.tier === 'P2' ? row.postalCode : null),
  },
];

/** The tape's header cells: "中文 English", so both readers find their column. */
export const tapeHeader = (column: TapeColumn) => `${column.headerZh} ${column.headerEn}`;
