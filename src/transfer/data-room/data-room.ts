import { productNamesByCode } from '../../products';
import type { DisclosureTier } from '../../../db';
import {
  type PortfolioRow,
  portfolioDetail,
  strats,
  rulePacks,
  type RulePackId,
  resolvePortfolioBands,
  ruleTable,
  stratDimensionLabels,
  stratDimensions,
  stratGroupLabel,
} from '../../portfolios';
import type { AppDeps } from '../../shared';
import { collectionHistory } from './collection-history';
import {
  bidFormTable,
  collectionHistoryTable,
  stratsTable,
  summaryTable,
  type CellValue,
  type SheetTable,
} from './data-room-sheets';
import { loanToken } from '../offers';
import { fingerprintOrder, hiddenMark } from '../trace';
import { tapeColumns, tapeHeader, type Disclosure } from './tape-columns';
import { tapePages } from './tape-row';
import type { StreamingWorkbook } from '../../xlsx';

export interface DataRoomCopy {
  portfolio: PortfolioRow;
  buyerName: string;
  sellerName: string;
  tier: DisclosureTier;
  tokenKey: string;
  fingerprint: string;
  preparedAt: string;
  deadline: string | null;
}

/** Rows read per query, even so that the fingerprint's pairs never straddle two pages. */
const PAGE_SIZE = 500;

/**
 * Writes a buyer's data room (docs/domain.md §5): Read-me (seller, buyer, tier, cut-off, rule pack and
 * its rules, every column defined in Chinese and English), Summary, Strats (every dimension),
 * Loan tape (masked and tokenised in P1, clear in P2, in the copy's fingerprint order), Collection
 * history (pool × month), Exclusions (what was removed and why), Bid form. The tape and the
 * exclusions are read a page at a time: memory does not grow with the portfolio. The seller's
 * valuation is never read here.
 * @returns the number of loans on the tape
 */
export async function writeDataRoom(
  deps: AppDeps,
  book: StreamingWorkbook,
  copy: DataRoomCopy,
): Promise<{ loanRows: number }> {
  const { portfolio } = copy;
  const disclosure: Disclosure = { tier: copy.tier, token: (id) => loanToken(copy.tokenKey, id) };
  await writeTable(book, readMeTable(copy));
  await writeTable(book, summaryTable(portfolioDetail(deps, portfolio.id).summary));
  const bands = resolvePortfolioBands(deps.config.portfolios);
  const products = productNamesByCode(deps.db);
  await writeTable(
    book,
    stratsTable(
      stratDimensions.map((dimension) => ({
        dimension: stratDimensionLabels[dimension],
        groupLabel: (key: string) => stratGroupLabel(dimension, key, bands, products),
        table: strats(deps, portfolio.id, dimension),
      })),
    ),
  );
  const tape = book.addSheet(
    'Loan tape 贷款明细',
    tapeColumns.map((column) => ({
      header: tapeHeader(column),
      kind: column.kind,
      width: column.width,
    })),
    { freezeHeader: true, autoFilter: true },
  );
  let loanRows = 0;
  for (const page of tapePages(deps.db, portfolio.id, { excluded: false, pageSize: PAGE_SIZE })) {
    for (const row of fingerprintOrder(page, copy.fingerprint, loanRows, (loan) => loan.loanId))
      await tape.addRow(tapeColumns.map((column) => column.value(row, disclosure)));
    loanRows += page.length;
  }
  await tape.end();
  await writeTable(
    book,
    collectionHistoryTable(collectionHistory(deps.db, portfolio.id, portfolio.cutOffDate)),
  );
  await writeExclusions(deps, book, copy, disclosure);
  await writeTable(
    book,
    bidFormTable({
      portfolioId: portfolio.id,
      portfolio: `${portfolio.name} (#${portfolio.id})`,
      buyer: copy.buyerName,
      cutOffDate: portfolio.cutOffDate,
      deadline: copy.deadline,
    }),
  );
  return { loanRows };
}

async function writeTable(book: StreamingWorkbook, table: SheetTable): Promise<void> {
  const sheet = book.addSheet(table.name, table.columns, { freezeHeader: true, autoFilter: true });
  for (const row of table.rows) await sheet.addRow(row);
  await sheet.end();
}

/** Read-me: the copy's particulars, the rule table and the column definitions, all as text; the fingerprint is hidden in the first line. */
function readMeTable(copy: DataRoomCopy): SheetTable {
  const pack = rulePacks[copy.portfolio.rulePackId as RulePackId];
  const tierText =
    copy.tier === 'P1'
      ? 'P1：身份信息已脱敏，编号为匿名令牌 / identities masked, ids replaced by tokens'
      : 'P2：明文数据，仅限签约受让方 / clear data, for the signed buyer only';
  const rows: CellValue[][] = [
    [
      `数据室 Data room${hiddenMark(copy.fingerprint)}`,
      copy.portfolio.name,
      `Portfolio #${copy.portfolio.id}`,
    ],
    ['出让方 Seller', copy.sellerName, ''],
    [
      '受让方 Prepared for',
      copy.buyerName,
      'This copy is traceable to the buyer it was made for 本副本可追溯至受让方',
    ],
    ['披露层级 Tier', copy.tier, tierText],
    [
      '交易基准日 Cut-off date',
      copy.portfolio.cutOffDate,
      'Balances are as of this date; collections after it belong to the buyer',
    ],
    [
      '规则包 Rule pack',
      `${pack.id} v${copy.portfolio.rulePackVersion}`,
      `${pack.nameZh} / ${pack.nameEn}`,
    ],
    ['生成时间 Prepared at (UTC)', copy.preparedAt, ''],
    [
      '金额 Amounts',
      '人民币元，两位小数',
      'CNY yuan, two decimals; dates are real dates; text that begins with = + - @ is prefixed with an apostrophe',
    ],
    ['', '', ''],
    ['规则 Rule', '说明', 'Description'],
    ...ruleTable(pack).map((rule) => [
      `${rule.id} (${rule.action})`,
      rule.descriptionZh,
      rule.descriptionEn,
    ]),
    ['', '', ''],
    ['字段 Column (Loan tape)', '定义', 'Definition'],
    ...tapeColumns.map((column) => [tapeHeader(column), column.definitionZh, column.definitionEn]),
  ];
  return {
    name: 'Read-me 说明',
    columns: [
      { header: '项目 Item', kind: 'text', width: 34 },
      { header: '中文', kind: 'text', width: 48 },
      { header: 'English', kind: 'text', width: 72 },
    ],
    rows,
  };
}

/** Exclusions: each excluded loan (a token in P1) with its claim and the rules that excluded it. */
async function writeExclusions(
  deps: AppDeps,
  book: StreamingWorkbook,
  copy: DataRoomCopy,
  disclosure: Disclosure,
): Promise<void> {
  const rules = new Map(
    ruleTable(rulePacks[copy.portfolio.rulePackId as RulePackId]).map((rule) => [rule.id, rule]),
  );
  const sheet = book.addSheet(
    'Exclusions 剔除',
    [
      { header: '贷款编号 Loan reference', kind: 'id', width: 22 },
      { header: '债权总额 Claim (CNY)', kind: 'money', width: 16 },
      { header: '规则 Rules', kind: 'text', width: 28 },
      { header: '原因 Reasons', kind: 'text', width: 48 },
      { header: 'Reasons', kind: 'text', width: 60 },
    ],
    { freezeHeader: true, autoFilter: true },
  );
  for (const page of tapePages(deps.db, copy.portfolio.id, {
    excluded: true,
    pageSize: PAGE_SIZE,
  })) {
    for (const row of page) {
      const fired = row.firedRules === null ? [] : (JSON.parse(row.firedRules) as string[]);
      const described = (language: 'descriptionZh' | 'descriptionEn') =>
        fired.map((id) => rules.get(id)?.[language] ?? id).join('; ');
      await sheet.addRow([
        copy.tier === 'P2' ? row.loanId : disclosure.token(row.loanId),
        row.claimFen,
        fired.join(', '),
        described('descriptionZh'),
        described('descriptionEn'),
      ]);
    }
  }
  await sheet.end();
}
