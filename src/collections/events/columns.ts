import {
  collectionEventTypes,
  costKinds,
  paymentChannels,
  statusEvents,
  type CollectionEventType,
  type CostKind,
  type PaymentChannel,
  type StatusEvent,
} from '../../../db';
import type { ColumnSpec, EnumValue } from '../../imports';
import { importCellLimits } from '../../shared';

const eventTypeValues: readonly EnumValue<CollectionEventType>[] = [
  { code: 'payment', aliases: ['还款', '回款'] },
  { code: 'cost', aliases: ['费用', '成本'] },
  { code: 'status', aliases: ['状态', '状态变更'] },
];

const paymentChannelValues: readonly EnumValue<PaymentChannel>[] = [
  { code: 'in_house', aliases: ['自催', '内催', '内部催收'] },
  { code: 'agency', aliases: ['委外', '委外催收'] },
  { code: 'legal', aliases: ['诉讼', '法诉', '司法'] },
  { code: 'settlement', aliases: ['和解', '和解还款'] },
  { code: 'debt_sale', aliases: ['债权转让', '转让'] },
];

const costKindValues: readonly EnumValue<CostKind>[] = [
  { code: 'agency_commission', aliases: ['委外佣金', '佣金'] },
  { code: 'legal_fee', aliases: ['律师费'] },
  { code: 'court_fee', aliases: ['诉讼费', '法院费用'] },
  { code: 'sms_call', aliases: ['短信电话', '短信通话'] },
  { code: 'other', aliases: ['其他'] },
];

const statusEventValues: readonly EnumValue<StatusEvent>[] = [
  { code: 'bankrupt', aliases: ['破产'] },
  { code: 'deceased', aliases: ['身故', '死亡'] },
  { code: 'dispute', aliases: ['争议'] },
  { code: 'litigation_filed', aliases: ['起诉', '已起诉', '立案'] },
  { code: 'complaint', aliases: ['投诉'] },
  { code: 'repayment_plan', aliases: ['还款计划'] },
];

const lists: [readonly EnumValue[], readonly string[]][] = [
  [eventTypeValues, collectionEventTypes],
  [paymentChannelValues, paymentChannels],
  [costKindValues, costKinds],
  [statusEventValues, statusEvents],
];
if (lists.some(([values, codes]) => values.length !== codes.length))
  throw new Error('every collection code needs its spellings in the collection columns');

/**
 * The columns of a collection-history file (回款及催收记录): one dated event per row, a payment,
 * a cost or a status event. The single source of the header mapping and of
 * `GET /collections/import/columns`.
 */
export const collectionColumns: readonly ColumnSpec[] = [
  {
    name: 'loan_id',
    aliases: ['借款编号', '借据号', '贷款编号'],
    required: true,
    type: 'text',
    maxChars: importCellLimits.idMaxChars,
    description: {
      en: 'Loan number; the loan must be in the book.',
      zh: '借款编号，须已在账簿中。',
    },
  },
  {
    name: 'event_date',
    aliases: ['日期', '发生日期', '事件日期'],
    required: true,
    type: 'date',
    notAfter: 'today',
    description: {
      en: 'Date of the event, from 1900-01-01 to today: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD or an Excel date.',
      zh: '发生日期，1900-01-01 至今日：YYYY-MM-DD、YYYY/MM/DD、YYYYMMDD 或 Excel 日期。',
    },
  },
  {
    name: 'event_type',
    aliases: ['事件类型', '类型'],
    required: true,
    type: 'enum',
    values: eventTypeValues,
    description: { en: 'payment, cost or status.', zh: '还款、费用或状态。' },
  },
  {
    name: 'amount',
    aliases: ['金额'],
    required: false,
    type: 'money',
    description: {
      en: 'Yuan, more than 0, for payments and costs; blank for status events.',
      zh: '金额（元），还款和费用须大于 0；状态事件留空。',
    },
  },
  {
    name: 'payment_channel',
    aliases: ['回款渠道', '还款渠道'],
    required: false,
    type: 'enum',
    values: paymentChannelValues,
    description: { en: 'Who collected a payment; payments only.', zh: '回款渠道，仅用于还款。' },
  },
  {
    name: 'cost_kind',
    aliases: ['费用类型'],
    required: false,
    type: 'enum',
    values: costKindValues,
    description: { en: 'What a cost was for; costs only.', zh: '费用类型，仅用于费用。' },
  },
  {
    name: 'status_event',
    aliases: ['状态事件'],
    required: false,
    type: 'enum',
    values: statusEventValues,
    description: {
      en: "Status events only; each sets the loan's flag (bankrupt, deceased, disputed, litigation_pending, complaint_open, active_repayment_plan).",
      zh: '仅用于状态事件；会设置借款的相应标记（破产、身故、争议、诉讼中、投诉、还款计划）。',
    },
  },
  {
    name: 'note',
    aliases: ['备注'],
    required: false,
    type: 'text',
    description: {
      en: 'Free text on one line, at most 500 characters.',
      zh: '备注，单行，最多 500 个字符。',
    },
  },
];
