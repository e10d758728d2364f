import type { PaymentChannel } from '../../../db';
import type { Sheet, SheetColumn } from '../../xlsx';
import {
  type EffectivenessDimension,
  effectivenessRates,
  type EffectivenessReport,
  type Tally,
} from './effectiveness';

type SheetRow = Tally & { group: string; month: string | null; accountsWorked: number | null };

/** Who collected, as a reader of the sheet calls it: Chinese, then English. */
const channelNames: Readonly<Record<PaymentChannel, string>> = {
  in_house: '自催 / in-house',
  agency: '委外 / agency',
  legal: '诉讼 / legal',
  settlement: '和解 / settlement',
  debt_sale: '债权转让 / debt sale',
};

/** What the report groups by, as a column header. */
const groupingNames: Readonly<Record<EffectivenessDimension, string>> = {
  channel: '回款渠道 / channel',
  grade: '逾期等级 / delinquency grade',
  stage: '委外阶段 / placement stage',
  month: '委外月份 / month placed',
};

/** A group key in words: a channel by its name, the total as 合计; other keys are already words. */
const groupName = (key: string) =>
  key === 'total' ? '合计 / total' : (channelNames[key as PaymentChannel] ?? key);

/**
 * The effectiveness report as a worksheet, for its own download and for the valuation workbook:
 * one row per group with its trend rows (by month of placement) under it, then the total. Rates
 * are real percentages, money real yuan amounts.
 */
export function effectivenessSheet(report: EffectivenessReport): Sheet<SheetRow> {
  const rows: SheetRow[] = report.rows.flatMap((row) => [
    { ...row, group: groupName(row.key), month: null, accountsWorked: row.accounts },
    ...row.trend.map((point) => ({ ...point, group: groupName(row.key), accountsWorked: null })),
  ]);
  rows.push({
    ...report.total,
    group: groupName('total'),
    month: null,
    accountsWorked: report.total.accounts,
  });
  const rate = (
    header: string,
    pick: (rates: ReturnType<typeof effectivenessRates>) => number | null,
  ): SheetColumn<SheetRow> => ({
    header,
    kind: 'rate',
    width: 14,
    value: (row) => pick(effectivenessRates(row)),
  });
  return {
    name: `Effectiveness by ${report.by}`,
    pages: [rows],
    columns: [
      {
        header: groupingNames[report.by],
        kind: 'text',
        width: 22,
        value: (row) => row.group,
      },
      { header: 'Month placed', kind: 'text', width: 13, value: (row) => row.month },
      { header: 'Accounts worked', kind: 'integer', width: 16, value: (row) => row.accountsWorked },
      { header: 'Placements', kind: 'integer', width: 12, value: (row) => row.placements },
      { header: 'Placed', kind: 'money', width: 18, value: (row) => row.placedFen },
      { header: 'Recovered', kind: 'money', width: 16, value: (row) => row.recoveredFen },
      rate('Recovery rate', (rates) => rates.recoveryRate),
      rate('Payers ≤ 3 m', (rates) => rates.payerRates[0] ?? null),
      rate('Payers ≤ 6 m', (rates) => rates.payerRates[1] ?? null),
      rate('Payers ≤ 12 m', (rates) => rates.payerRates[2] ?? null),
      { header: 'Costs', kind: 'money', width: 16, value: (row) => row.costsFen },
      rate('Cost-to-collect', (rates) => rates.costToCollect),
      {
        header: 'Net recovery',
        kind: 'money',
        width: 16,
        value: (row) => effectivenessRates(row).netRecoveryFen,
      },
    ],
  };
}
