import {
  litigationStatuses,
  loanStatuses,
  placementStages,
  type LitigationStatus,
  type LoanStatus,
  type PlacementStage,
} from '../../../db';
import type { ColumnSpec, ColumnType, EnumValue } from '../../imports';
import { importCellLimits } from '../../shared';

const statusValues: readonly EnumValue<LoanStatus>[] = [
  { code: 'current', aliases: ['正常'] },
  { code: 'delinquent', aliases: ['逾期'] },
  { code: 'charged_off', aliases: ['已核销', '核销'] },
  { code: 'sold', aliases: ['已转让', '转让'] },
  { code: 'settled', aliases: ['已结清', '结清'] },
  { code: 'closed', aliases: ['已关闭', '已销户', '关闭'] },
];
if (statusValues.length !== loanStatuses.length)
  throw new Error('every loan status needs its spellings in the tape columns');

/** How many agencies have worked the account (委外手次): none yet, one (一手), two (二手), three or more (三手). */
const placementValues: readonly EnumValue<PlacementStage>[] = [
  { code: 'fresh', aliases: ['未委外', '自催', '0'] },
  { code: 'primary', aliases: ['一手', '首次委外', '1'] },
  { code: 'secondary', aliases: ['二手', '2'] },
  { code: 'tertiary', aliases: ['三手', '三手及以上', '3', '4', '5'] },
];
if (placementValues.length !== placementStages.length)
  throw new Error('every placement stage needs its spellings in the tape columns');

const litigationValues: readonly EnumValue<LitigationStatus>[] = [
  { code: 'none', aliases: ['未诉讼', '无'] },
  { code: 'filed', aliases: ['已起诉', '诉讼中', '审理中'] },
  { code: 'judgment', aliases: ['已判决', '胜诉'] },
  { code: 'enforcement', aliases: ['执行中', '强制执行'] },
  { code: 'terminated', aliases: ['终本', '终结本次执行', '执行终结'] },
];
if (litigationValues.length !== litigationStatuses.length)
  throw new Error('every litigation status needs its spellings in the tape columns');

type Extra = Partial<Pick<ColumnSpec, 'required' | 'default' | 'values' | 'maxChars' | 'notAfter'>>;

function column(
  type: ColumnType,
  name: string,
  aliases: string[],
  en: string,
  zh: string,
  extra: Extra = {},
): ColumnSpec {
  return { name, aliases, required: false, type, ...extra, description: { en, zh } };
}

const money = (name: string, aliases: string[], en: string, zh: string, extra: Extra = {}) =>
  column(
    'money',
    name,
    aliases,
    `${en} Yuan, up to 2 decimals; thousands separators allowed.`,
    `${zh}单位元，最多两位小数，可带千分位。`,
    extra,
  );

const flag = (name: string, aliases: string[], en: string, zh: string) =>
  column(
    'flag',
    name,
    aliases,
    `${en} 1/0, true/false, yes/no, Y/N or 是/否; blank = no.`,
    `${zh}填 1/0、是/否、Y/N；空白为否。`,
    { default: false },
  );

const REQUIRED = { required: true } as const;
/** Ids: loan, customer and identity numbers, phone numbers (`importCellLimits.idMaxChars`). */
const ID = { maxChars: importCellLimits.idMaxChars } as const;
/** What has happened by the tape date cannot be dated after it. */
const BY_TAPE_DATE = { notAfter: 'tape_date' } as const;

/**
 * The columns of a loan tape (贷款明细), in the order a template lists them: the single source of
 * the import's header mapping and of the table served at `GET /loans/import/columns`.
 */
export const tapeColumns: readonly ColumnSpec[] = [
  column(
    'text',
    'loan_id',
    ['借款编号', '借据号', '贷款编号', '合同编号'],
    "The lender's loan number, unique in the book; at most 64 characters.",
    '借款（借据）编号，在账簿中唯一；最多 64 个字符。',
    { ...REQUIRED, ...ID },
  ),
  column(
    'text',
    'borrower_id',
    ['借款人编号', '客户号', '客户编号'],
    "The lender's customer number, at most 64 characters; blank = the national id.",
    '客户编号，最多 64 个字符；空白时取身份证号。',
    ID,
  ),
  column(
    'text',
    'borrower_name',
    ['借款人', '借款人姓名', '姓名', '客户姓名'],
    "Borrower's full name.",
    '借款人姓名。',
    REQUIRED,
  ),
  column(
    'text',
    'national_id',
    ['身份证号', '身份证号码', '证件号码'],
    'Resident identity number: 18 characters with a valid GB 11643 check character, or a legacy 15-digit id.',
    '居民身份证号：18 位且校验位正确，或 15 位旧号。',
    { ...REQUIRED, ...ID },
  ),
  column(
    'text',
    'mobile_phone',
    ['手机号', '手机号码', '联系电话'],
    'Mobile number: 11 digits starting with 1.',
    '手机号：以 1 开头的 11 位数字。',
    ID,
  ),
  column('text', 'province', ['省份', '省'], "The borrower's province.", '借款人所在省份。'),
  column('text', 'city', ['城市', '市'], "The borrower's city.", '借款人所在城市。'),
  column(
    'text',
    'mailing_address',
    ['通讯地址', '联系地址', '邮寄地址'],
    "The borrower's mailing address, where letters (a notice of assignment) reach them.",
    '借款人通讯地址（债权转让通知等信函的寄送地址）。',
  ),
  column(
    'text',
    'postal_code',
    ['邮政编码', '邮编'],
    "The mailing address's postal code: 6 digits.",
    '通讯地址的邮政编码：6 位数字。',
  ),
  column(
    'text',
    'product',
    ['产品', '产品名称', '产品类型'],
    'Loan product (consumer loan, credit card …).',
    '贷款产品（消费贷、信用卡等）。',
    REQUIRED,
  ),
  column('text', 'channel', ['渠道', '获客渠道'], 'Acquisition channel.', '获客渠道。'),
  column(
    'text',
    'currency',
    ['币种'],
    'ISO currency code, 3 capital letters; blank = CNY.',
    '币种代码（3 位大写字母）；空白为 CNY。',
    { default: 'CNY' },
  ),
  column(
    'date',
    'origination_date',
    ['放款日期', '放款日'],
    'Date the loan was paid out; not after the tape date. Dates: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or an Excel date, from 1900-01-01 to 2200-12-31.',
    '放款日期，不晚于数据日。日期可写 YYYY-MM-DD、YYYY/MM/DD、YYYYMMDD 或 Excel 日期，须在 1900-01-01 至 2200-12-31 之间。',
    { ...REQUIRED, ...BY_TAPE_DATE },
  ),
  column(
    'date',
    'maturity_date',
    ['到期日', '到期日期'],
    'Contractual maturity; not before the origination date, may be after the tape date.',
    '合同到期日，不早于放款日期，可晚于数据日。',
  ),
  money(
    'original_principal',
    ['放款金额', '合同金额', '借款金额'],
    'Principal paid out.',
    '放款本金，',
    REQUIRED,
  ),
  money(
    'principal_balance',
    ['本金余额', '剩余本金', '未偿本金'],
    'Principal outstanding at the tape date.',
    '截至数据日的未偿本金，',
    REQUIRED,
  ),
  money(
    'interest_balance',
    ['利息余额', '未还利息', '欠息'],
    'Interest outstanding; blank = 0.',
    '未还利息，空白为 0；',
    { default: 0 },
  ),
  money(
    'fee_balance',
    ['费用余额', '未还费用'],
    'Fees outstanding; blank = 0.',
    '未还费用，空白为 0；',
    { default: 0 },
  ),
  money(
    'penalty_balance',
    ['罚息', '罚息余额'],
    'Penalty interest outstanding; blank = 0.',
    '未还罚息，空白为 0；',
    { default: 0 },
  ),
  column(
    'integer',
    'days_past_due',
    ['逾期天数'],
    'Days past due at the tape date, a whole number ≥ 0; blank = 0.',
    '截至数据日的逾期天数（非负整数）；空白为 0。',
    { default: 0 },
  ),
  column(
    'date',
    'last_payment_date',
    ['最后还款日', '最后还款日期'],
    'Date of the last payment received; not after the tape date.',
    '最后一次还款日期，不晚于数据日。',
    BY_TAPE_DATE,
  ),
  money(
    'last_payment_amount',
    ['最后还款金额'],
    'Amount of the last payment.',
    '最后一次还款金额，',
  ),
  column(
    'enum',
    'status',
    ['状态', '贷款状态'],
    'Loan status; blank = derived: a charge-off date → charged_off, else days past due > 0 → delinquent, else current. charged_off and sold need a charge-off date.',
    '贷款状态；空白时推断：有核销日期为已核销，否则逾期天数大于 0 为逾期，否则为正常。已核销、已转让须有核销日期。',
    { values: statusValues },
  ),
  column(
    'date',
    'charge_off_date',
    ['核销日期'],
    'Date the loan was written off (核销); not before the origination date nor after the tape date.',
    '核销日期，不早于放款日期，不晚于数据日。',
    BY_TAPE_DATE,
  ),
  money(
    'charge_off_amount',
    ['核销金额'],
    'Amount written off; needs a charge-off date; blank with a charge-off date = principal + interest + fee + penalty balances.',
    '核销金额，须有核销日期；有核销日期而此项空白时取本金、利息、费用、罚息余额之和；',
  ),
  flag(
    'bankrupt',
    ['是否破产', '破产'],
    'Borrower in personal bankruptcy or debt relief.',
    '借款人是否个人破产或债务清理：',
  ),
  flag('deceased', ['是否身故', '是否死亡', '身故'], 'Borrower deceased.', '借款人是否身故：'),
  flag(
    'disputed',
    ['是否争议', '是否有争议', '争议'],
    'Debt disputed by the borrower.',
    '债务是否有争议：',
  ),
  flag('fraud', ['是否欺诈', '欺诈'], 'Fraud or identity-theft claim.', '是否涉及欺诈或冒用身份：'),
  flag('litigation_pending', ['是否诉讼中', '诉讼中'], 'Litigation pending.', '是否在诉讼中：'),
  flag('complaint_open', ['是否投诉', '投诉中'], 'Complaint open.', '是否有未结投诉：'),
  flag(
    'active_repayment_plan',
    ['是否有还款计划', '还款计划中'],
    'Borrower on an active repayment plan.',
    '是否有执行中的还款计划：',
  ),
  // What sale-eligibility screening reads (src/portfolios).
  column(
    'date',
    'birth_date',
    ['出生日期', '出生年月日'],
    "Borrower's date of birth, before the origination date; blank = the one the national id encodes.",
    '借款人出生日期，须早于放款日期；空白时取身份证号中的出生日期。',
    BY_TAPE_DATE,
  ),
  flag(
    'servicemember',
    ['军人', '是否军人', '现役军人'],
    'Borrower an active-duty servicemember.',
    '借款人是否现役军人：',
  ),
  column(
    'flag',
    'documents_complete',
    ['资料齐全', '资料是否齐全', '档案齐全'],
    'Contract, statements and proof of the debt on file. 1/0, true/false, yes/no, Y/N or 是/否; blank = yes.',
    '合同、账单等债权资料是否齐全：填 1/0、是/否、Y/N；空白为是。',
    { default: true },
  ),
  column(
    'date',
    'last_acknowledgement_date',
    ['最后承认日期', '诉讼时效起算日'],
    'Latest date from which the limitation period runs anew: the borrower acknowledged the debt, or another interruption; not before the origination date nor after the tape date.',
    '诉讼时效重新起算之日（借款人最后承认债务或其他中断事由），不早于放款日期，不晚于数据日。',
    BY_TAPE_DATE,
  ),
  column(
    'enum',
    'placement_stage',
    ['催收阶段', '委外手次', '委外阶段'],
    'How many collection agencies have worked the account: fresh (none), primary, secondary, tertiary (three or more); blank = unknown.',
    '已委外催收的手次：未委外、一手、二手、三手及以上；空白为未知。',
    { values: placementValues },
  ),
  column(
    'enum',
    'litigation_status',
    ['诉讼状态', '诉讼阶段'],
    'Where the lawsuit stands; blank = filed if litigation_pending is set, else none.',
    '诉讼所处阶段；空白时按“是否诉讼中”取已起诉或未诉讼。',
    { values: litigationValues },
  ),
];
