import type { Fen } from '../../shared';
import type { Bilingual, StratTable, PortfolioSummary } from '../../portfolios';
import {
  borrowerAge,
  claimWeightedLabel,
  dpdAtChargeOff,
  dpdAtCutOff,
  monthsSinceChargeOff,
} from './measures';
import type { PoolMonth } from './collection-history';

import type { CellValue, WorkbookColumn } from '../../xlsx';

export type { CellValue };

/** A table of the data room: its columns and its rows (money in fen, dates ISO, rates as fractions). */
export interface SheetTable {
  name: string;
  columns: WorkbookColumn[];
  rows: CellValue[][];
}

const percent = (value: number | null) => (value === null ? null : value / 100);

/**
 * Summary: the portfolio's totals over the loans on offer, each a sum, a count or a claim-weighted
 * average of a tape column (measures.ts), in the typed column of its kind: counts as integers,
 * amounts as money, weighted averages with two decimals, shares as percentages. Excluded loans are
 * those of the Exclusions sheet.
 */
export function summaryTable(summary: PortfolioSummary): SheetTable {
  const row = (
    label: string,
    figures: { count?: number; amountFen?: Fen | null; average?: number | null; share?: number },
  ): CellValue[] => [
    label,
    figures.count ?? null,
    figures.amountFen ?? null,
    figures.average ?? null,
    figures.share ?? null,
  ];
  return {
    name: 'Summary 汇总',
    columns: [
      { header: '指标 Measure', kind: 'text', width: 44 },
      { header: '笔数 Count', kind: 'integer', width: 12 },
      { header: '金额 Amount (CNY)', kind: 'money', width: 20 },
      { header: '加权平均 Weighted average', kind: 'decimal', width: 16 },
      { header: '占比 Share', kind: 'rate', width: 12 },
    ],
    rows: [
      row('贷款笔数 Loans on offer', { count: summary.loans }),
      row('借款人户数 Borrowers', { count: summary.borrowers }),
      row('债权总额 Claim (face value)', { amountFen: summary.claimFen }),
      row('未偿本金 Principal', { amountFen: summary.principalFen }),
      row('利息 Interest', { amountFen: summary.interestFen }),
      row('费用 Fees', { amountFen: summary.feeFen }),
      row('罚息 Penalty interest', { amountFen: summary.penaltyFen }),
      row('核销后回收 Collected since charge-off', {
        amountFen: summary.collectedSinceChargeOffFen,
      }),
      row('笔均债权 Average claim', { amountFen: summary.averageClaimFen }),
      row(claimWeightedLabel(monthsSinceChargeOff), { average: summary.waMonthsSinceChargeOff }),
      row(claimWeightedLabel(dpdAtChargeOff), { average: summary.waDpdAtChargeOff }),
      row(claimWeightedLabel(dpdAtCutOff), { average: summary.waDpd }),
      row(claimWeightedLabel(borrowerAge), { average: summary.waBorrowerAgeYears }),
      row('合格 Eligible loans', { count: summary.eligible }),
      row('需关注 Flagged loans', {
        count: summary.flagged.loans,
        amountFen: summary.flagged.claimFen,
      }),
      row('已剔除 Excluded loans (see Exclusions)', {
        count: summary.excluded.loans,
        amountFen: summary.excluded.claimFen,
      }),
      row('最大省份占比 Largest province share of claim', {
        share: percent(summary.largestProvinceClaimPct) ?? 0,
      }),
    ],
  };
}

/** A strat dimension's table with its name and its groups' names in both languages. */
export interface LabelledStrat {
  dimension: Bilingual;
  groupLabel: (key: string) => Bilingual;
  table: StratTable;
}

const TOTAL: Bilingual = { zh: '合计', en: 'total' };

/** `产品 / Product`: the English word capitalised, as a heading. */
const heading = (label: Bilingual) =>
  `${label.zh} / ${label.en[0]!.toUpperCase()}${label.en.slice(1)}`;

/** Strats: every dimension's table one below the other, each with its total row, named in both languages. */
export function stratsTable(tables: readonly LabelledStrat[]): SheetTable {
  const rows = tables.flatMap(({ dimension, groupLabel, table }) =>
    [
      ...table.rows.map((row) => ({ ...row, label: groupLabel(row.key) })),
      { ...table.totals, label: TOTAL },
    ].map((row): CellValue[] => [
      heading(dimension),
      heading(row.label),
      row.loans,
      percent(row.loansPct),
      row.claimFen,
      percent(row.claimPct),
      row.principalFen,
      row.averageClaimFen,
      row.waMonthsSinceChargeOff,
      row.waDpd,
    ]),
  );
  return {
    name: 'Strats 分层',
    columns: [
      { header: '维度 Dimension', kind: 'text', width: 30 },
      { header: '分组 Group', kind: 'text', width: 30 },
      { header: '笔数 Loans', kind: 'integer', width: 10 },
      { header: '笔数占比 Loans %', kind: 'rate', width: 12 },
      { header: '债权 Claim (CNY)', kind: 'money', width: 18 },
      { header: '债权占比 Claim %', kind: 'rate', width: 12 },
      { header: '本金 Principal (CNY)', kind: 'money', width: 18 },
      { header: '笔均 Average claim', kind: 'money', width: 14 },
      { header: claimWeightedLabel(monthsSinceChargeOff), kind: 'decimal', width: 16 },
      { header: claimWeightedLabel(dpdAtCutOff), kind: 'decimal', width: 16 },
    ],
    rows,
  };
}

/** Collection history: pool × month, with the pool's cumulative recovery rate (collected ÷ charged-off balance). */
export function collectionHistoryTable(history: readonly PoolMonth[]): SheetTable {
  let pool = '';
  let cumulativeFen = 0;
  const rows = history.map((month): CellValue[] => {
    if (month.pool !== pool) [pool, cumulativeFen] = [month.pool, 0];
    cumulativeFen += month.collectedFen;
    return [
      month.pool,
      month.monthsSinceChargeOff,
      month.month,
      month.accounts,
      month.chargeOffFen,
      month.collectedFen,
      month.payingAccounts,
      cumulativeFen,
      month.chargeOffFen > 0 ? cumulativeFen / month.chargeOffFen : null,
    ];
  });
  return {
    name: 'Collections 回收历史',
    columns: [
      { header: '核销月份 Pool (charge-off month)', kind: 'text', width: 16 },
      { header: '核销后月数 Months since charge-off', kind: 'integer', width: 14 },
      { header: '回收月份 Month', kind: 'text', width: 12 },
      { header: '户数 Accounts', kind: 'integer', width: 10 },
      { header: '核销金额 Charged-off balance (CNY)', kind: 'money', width: 20 },
      { header: '当月回收 Collected (CNY)', kind: 'money', width: 16 },
      { header: '还款户数 Paying accounts', kind: 'integer', width: 12 },
      { header: '累计回收 Cumulative collected (CNY)', kind: 'money', width: 20 },
      { header: '累计回收率 Cumulative recovery rate', kind: 'rate', width: 14 },
    ],
    rows,
  };
}

/** Bid form: what the buyer fills in, with the round's terms and where this portfolio's bids go. */
export function bidFormTable(terms: {
  portfolioId: number;
  portfolio: string;
  buyer: string;
  cutOffDate: string;
  deadline: string | null;
}): SheetTable {
  return {
    name: 'Bid form 报价单',
    columns: [
      { header: '项目 Item', kind: 'text', width: 36 },
      { header: '内容 Value', kind: 'text', width: 60 },
    ],
    rows: [
      ['资产包 Portfolio', terms.portfolio],
      ['报价方 Bidder', terms.buyer],
      ['交易基准日 Cut-off date', terms.cutOffDate],
      ['报价截止 Bid deadline (UTC)', terms.deadline ?? 'to be announced 另行通知'],
      ['报价（元，整包）Price for the whole portfolio (CNY)', ''],
      ['报价有效期至 Valid until (YYYY-MM-DD)', ''],
      ['附加条件 Conditions', ''],
      ['签署人 Signed by', ''],
      ['日期 Date', ''],
      [
        '提交方式 How to submit',
        `POST /buyer/portfolios/${terms.portfolioId}/bids before the deadline${terms.deadline === null ? '' : ` (${terms.deadline})`}; the reserve price is not disclosed 底价不公开`,
      ],
    ],
  };
}
