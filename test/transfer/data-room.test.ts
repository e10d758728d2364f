import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { biddingClosed, DEADLINE, dealOnDemoBook, settled, type Deal, type Json } from './deal';

const SHEETS = [
  'Read-me 说明',
  'Summary 汇总',
  'Strats 分层',
  'Loan tape 贷款明细',
  'Collections 回收历史',
  'Exclusions 剔除',
  'Bid form 报价单',
];

async function download(deal: Deal, user: string, portfolioId = deal.portfolioId, query = '') {
  const response = await deal.send(
    user,
    'GET',
    `/buyer/portfolios/${portfolioId}/data-room${query}`,
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The tape's rows as objects keyed by the English header. */
function tapeOf(workbook: ExcelJS.Workbook): Record<string, ExcelJS.CellValue>[] {
  const sheet = workbook.getWorksheet('Loan tape 贷款明细')!;
  const headers = (sheet.getRow(1).values as string[])
    .slice(1)
    .map((header) => header.replace(/^\S+ /, ''));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1)
      rows.push(Object.fromEntries(headers.map((header, i) => [header, row.getCell(i + 1).value])));
  });
  return rows;
}

/** Yuan in a cell → fen. */
const fenOf = (value: ExcelJS.CellValue) => Math.round((value as number) * 100);

/** numerator / denominator to 2 decimals, half up, on integers (as the platform rounds weighted averages). */
function ratio2(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return Number((2n * numerator * 100n + denominator) / (2n * denominator)) / 100;
}

/** Σ claim · field / Σ claim over the rows whose field is known. */
function claimWeighted(tape: Record<string, ExcelJS.CellValue>[], field: string): number | null {
  const known = tape.filter((row) => row[field] !== null && row[field] !== undefined);
  const claim = known.reduce((sum, row) => sum + BigInt(fenOf(row['Claim']!)), 0n);
  const weighted = known.reduce(
    (sum, row) => sum + BigInt(fenOf(row['Claim']!)) * BigInt(row[field] as number),
    0n,
  );
  return ratio2(weighted, claim);
}

/** The rows of a sheet under its header, as arrays of cell values (column A first). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

/**
 * Every figure of the Summary recomputed from the data room's own tape and exclusions sheets: the
 * figure's label (its English words) → [count, amount in fen, average, share].
 */
function summaryFromTape(workbook: ExcelJS.Workbook): Map<string, (number | null)[]> {
  const tape = tapeOf(workbook);
  const sumFen = (rows: typeof tape, column: string) =>
    rows.reduce((sum, row) => sum + fenOf(row[column] ?? 0), 0);
  const claimFen = sumFen(tape, 'Claim');
  const byVerdict = (verdict: string) => tape.filter((row) => row['Screening verdict'] === verdict);
  const provinces = new Map<string, number>();
  for (const row of tape)
    provinces.set(
      String(row['Province']),
      (provinces.get(String(row['Province'])) ?? 0) + fenOf(row['Claim']!),
    );
  const largest = Math.max(...provinces.values());
  const exclusions = rowsOf(workbook.getWorksheet('Exclusions 剔除')!);
  return new Map([
    ['Loans on offer', [tape.length, null, null, null]],
    ['Borrowers', [new Set(tape.map((row) => row['Borrower reference'])).size, null, null, null]],
    ['Claim (face value)', [null, claimFen, null, null]],
    ['Principal', [null, sumFen(tape, 'Principal'), null, null]],
    ['Interest', [null, sumFen(tape, 'Interest'), null, null]],
    ['Fees', [null, sumFen(tape, 'Fees'), null, null]],
    ['Penalty interest', [null, sumFen(tape, 'Penalty interest'), null, null]],
    ['Collected since charge-off', [null, sumFen(tape, 'Collected since charge-off'), null, null]],
    ['Average claim', [null, Math.round(claimFen / tape.length), null, null]],
    [
      'WA months since charge-off',
      [null, null, claimWeighted(tape, 'Months since charge-off'), null],
    ],
    ['WA DPD at charge-off', [null, null, claimWeighted(tape, 'DPD at charge-off'), null]],
    ['WA DPD at the cut-off', [null, null, claimWeighted(tape, 'DPD at the cut-off'), null]],
    ['WA borrower age', [null, null, claimWeighted(tape, 'Borrower age'), null]],
    ['Eligible loans', [byVerdict('eligible').length, null, null, null]],
    [
      'Flagged loans',
      [byVerdict('flagged').length, sumFen(byVerdict('flagged'), 'Claim'), null, null],
    ],
    [
      'Excluded loans (see Exclusions)',
      [exclusions.length, exclusions.reduce((sum, row) => sum + fenOf(row[1] ?? 0), 0), null, null],
    ],
    [
      'Largest province share of claim',
      [null, null, null, ratio2(100n * BigInt(largest), BigInt(claimFen))! / 100],
    ],
  ]);
}

describe('the data room', () => {
  let deal: Deal;
  let first: { response: Response; bytes: Buffer };
  beforeAll(async () => {
    deal = await dealOnDemoBook(400);
    await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/offers`, {
      buyerOrganisationIds: [deal.demoBuyer, deal.secondAmc.id],
    });
    const onOffer = deal.t.db.$client
      .prepare(
        "select loan_id as loanId from portfolio_loans where portfolio_id = ? and verdict <> 'excluded' order by loan_id limit 1",
      )
      .get(deal.portfolioId) as Json;
    deal.t.db.$client
      .prepare(
        "update loans set city = '@SUM(A1:A9)', channel = '=HYPERLINK(\"http://evil\")' where loan_id = ?",
      )
      .run(onOffer.loanId);
    first = await download(deal, 'buyer');
  });

  it('streams a P1 workbook whose every sheet is there and whose tape ties out to the API', async () => {
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(first.response.headers.get('Content-Disposition')).toMatch(
      /attachment; filename="data-room-portfolio-\d+-P1-copy-\d+\.xlsx"/,
    );
    const workbook = await workbookOf(first.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
    const tape = tapeOf(workbook);
    const { summary } = await deal.call('risk', 'GET', `/portfolios/${deal.portfolioId}`);
    expect(tape).toHaveLength(summary.loans);
    const claimFen = tape.reduce((sum, row) => sum + Math.round((row['Claim'] as number) * 100), 0);
    expect((claimFen / 100).toFixed(2)).toBe(summary.claim);
    const summarySheet = workbook.getWorksheet('Summary 汇总')!;
    expect(summarySheet.getCell('C4').value).toBeCloseTo(Number(summary.claim), 2);
    const exclusions = workbook.getWorksheet('Exclusions 剔除')!;
    expect(exclusions.rowCount - 1).toBe(summary.excluded.loans);
  });

  it('has a Summary whose every figure is recomputed from its own tape, counts as integers', async () => {
    const workbook = await workbookOf(first.bytes);
    const sheet = workbook.getWorksheet('Summary 汇总')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      '指标 Measure',
      '笔数 Count',
      '金额 Amount (CNY)',
      '加权平均 Weighted average',
      '占比 Share',
    ]);
    const expected = summaryFromTape(workbook);
    const seen: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const label = String(row.getCell(1).value);
      const english = [...expected.keys()].find((key) => label.endsWith(` ${key}`));
      expect(english, `a recomputation of "${label}"`).toBeDefined();
      seen.push(english!);
      const [count, amountFen, average, share] = expected.get(english!)!;
      const cells = [2, 3, 4, 5].map((column) => row.getCell(column));
      expect(cells[0]!.value ?? null, `${label}: count`).toBe(count);
      if (count !== null) expect(cells[0]!.numFmt, `${label}: count format`).toBe('0');
      expect(cells[1]!.value === null ? null : fenOf(cells[1]!.value), `${label}: amount`).toBe(
        amountFen,
      );
      expect(cells[2]!.value ?? null, `${label}: average`).toBe(average);
      if (share === null) expect(cells[3]!.value ?? null).toBeNull();
      else expect(cells[3]!.value as number, `${label}: share`).toBeCloseTo(share!, 10);
    });
    expect(seen).toEqual([...expected.keys()]);
  });

  it('labels the strats in Chinese and English, charge-off age by months, each total the Summary', async () => {
    const workbook = await workbookOf(first.bytes);
    const rows = rowsOf(workbook.getWorksheet('Strats 分层')!);
    for (const row of rows) {
      expect(String(row[0]), 'dimension').toMatch(/^\S+ \/ [A-Z][a-z -]+$/);
      expect(String(row[0]), 'dimension').not.toContain('_');
      expect(String(row[1]), 'group').not.toMatch(/_|fresh|primary \(|^secondary|tertiary$/);
    }
    const ages = rows.filter((row) => String(row[0]).startsWith('核销账龄'));
    expect(ages.map((row) => row[1])).toEqual(
      expect.arrayContaining(['0–6 个月 / 0–6 months', '合计 / Total']),
    );
    for (const row of ages.slice(0, -1)) expect(String(row[1])).toMatch(/个月.* months$/);
    const tape = tapeOf(workbook);
    const totals = rows.filter((row) => row[1] === '合计 / Total');
    expect(totals).toHaveLength(11);
    for (const total of totals) {
      expect(total[2], String(total[0])).toBe(tape.length);
      expect(fenOf(total[4]!)).toBe(tape.reduce((sum, row) => sum + fenOf(row['Claim']!), 0));
    }
    const summary = workbook.getWorksheet('Summary 汇总')!;
    const dpdRow = [...Array(summary.rowCount).keys()]
      .map((i) => summary.getRow(i + 1))
      .find((row) => String(row.getCell(1).value).endsWith('WA DPD at the cut-off'))!;
    expect(totals[0]![9]).toBe(dpdRow.getCell(4).value);
    expect(workbook.getWorksheet('Strats 分层')!.getCell('J1').value).toBe(
      '加权基准日逾期天数 WA DPD at the cut-off',
    );
  });

  it("fills the Bid form with the portfolio's own id and the round's deadline", async () => {
    await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/bid-rounds`, {
      name: 'Round 1',
      deadline: DEADLINE,
      reservePrice: '1000.00',
    });
    const workbook = await workbookOf((await download(deal, 'buyer')).bytes);
    const form = rowsOf(workbook.getWorksheet('Bid form 报价单')!).map((row) => row.join(' | '));
    const text = form.join('\n');
    expect(text).not.toMatch(/\{id\}/);
    expect(text).toContain(`POST /buyer/portfolios/${deal.portfolioId}/bids`);
    expect(text).toContain(DEADLINE);
  });

  it('masks identities and tokenises ids in P1, with real types, a frozen header and a filter', async () => {
    const workbook = await workbookOf(first.bytes);
    const tape = tapeOf(workbook);
    for (const row of tape) {
      expect(row['Loan reference']).toMatch(/^T-[0-9A-Z]{16}$/);
      expect(row['Borrower reference']).toMatch(/^T-/);
      expect(row['Borrower name']).toMatch(/^[^*]\*+$/u);
      expect(row['National id']).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      if (row['Mobile phone'] !== null) expect(row['Mobile phone']).toMatch(/^1\d{2}\*{4}\d{4}$/);
      if (row['Birth date'] !== null) expect(row['Birth date']).toMatch(/^\d{4}$/);
      expect([row['Mailing address'], row['Postal code']]).toEqual([null, null]);
    }
    const sheet = workbook.getWorksheet('Loan tape 贷款明细')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const claim = sheet.getRow(2).getCell(20);
    expect(typeof claim.value).toBe('number');
    expect(claim.numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(13).value).toBeInstanceOf(Date);
    expect(typeof sheet.getRow(2).getCell(4).value).toBe('string');
  });

  it('writes formula-like text as text with a leading apostrophe, never as a formula', async () => {
    const tape = tapeOf(await workbookOf(first.bytes));
    const poisoned = tape.find((row) => String(row['City']).includes('SUM'))!;
    expect(poisoned['City']).toBe("'@SUM(A1:A9)");
    expect(poisoned['Channel']).toBe('\'=HYPERLINK("http://evil")');
  });

  it('keeps a loan’s token across downloads and buyers of the portfolio, each copy in its own row order', async () => {
    const again = tapeOf(await workbookOf((await download(deal, 'buyer')).bytes));
    const other = tapeOf(await workbookOf((await download(deal, deal.secondAmc.token)).bytes));
    const tokens = (tape: Record<string, ExcelJS.CellValue>[]) =>
      tape.map((row) => row['Loan reference'] as string);
    const firstTokens = tokens(tapeOf(await workbookOf(first.bytes)));
    expect(new Set(tokens(again))).toEqual(new Set(firstTokens));
    expect(new Set(tokens(other))).toEqual(new Set(firstTokens));
    expect(tokens(other)).not.toEqual(firstTokens);
  });

  it('records every download with the SHA-256 of the bytes sent', async () => {
    const sha256 = createHash('sha256').update(first.bytes).digest('hex');
    const row = deal.t.db.$client
      .prepare('select sha256, bytes, tier from data_room_downloads where sha256 = ?')
      .get(sha256) as Json;
    expect(row).toMatchObject({ bytes: first.bytes.length, tier: 'P1' });
    const audit = deal.t.db.$client
      .prepare(
        "select count(*) as n from audit_events where action = 'transfer.data_room.downloaded' and file_sha256 = ?",
      )
      .get(sha256) as Json;
    expect(audit.n).toBe(1);
  });

  it('names the buyer a leaked copy was made for, from the .xlsx and from a CSV of its tape alone', async () => {
    const leaked = await download(deal, deal.secondAmc.token);
    const traced = await deal.t.app.request('/data-rooms/trace', {
      method: 'POST',
      body: leaked.bytes,
      headers: deal.t.as('risk', { 'Content-Type': 'application/octet-stream' }),
    });
    const answer = (await traced.json()) as Json;
    expect(traced.status, JSON.stringify(answer)).toBe(200);
    expect(answer.attributed).toBe(true);
    expect(answer.copies[0].buyerOrganisation.id).toBe(deal.secondAmc.id);
    expect(answer.copies[0].sha256).toBe(createHash('sha256').update(leaked.bytes).digest('hex'));
    expect(new Set(answer.evidence.map((e: Json) => e.method))).toEqual(
      new Set(['document_property', 'hidden_mark', 'row_order']),
    );
    const tape = tapeOf(await workbookOf(leaked.bytes));
    const csv = [
      'loan,claim',
      ...tape.map((row) => `${row['Loan reference']},${row['Claim']}`),
    ].join('\n');
    const fromCsv = (await (
      await deal.t.app.request('/data-rooms/trace', {
        method: 'POST',
        body: csv,
        headers: deal.t.as('admin', { 'Content-Type': 'text/csv' }),
      })
    ).json()) as Json;
    expect(fromCsv).toMatchObject({
      attributed: true,
      file: { format: 'csv' },
      evidence: [{ method: 'row_order', agreement: 1 }],
    });
    expect(fromCsv.copies[0].downloadId).toBe(answer.copies[0].downloadId);
    expect((await deal.send('buyer', 'POST', '/data-rooms/trace', {})).status).toBe(403);
  });
});

describe('the data room tiers', () => {
  it('gives P2, clear, to the buyer who signed only; another buyer gets 403, a portfolio not offered 404', async () => {
    const deal = await dealOnDemoBook(200);
    const { demoBid } = await biddingClosed(deal, { demo: '3000.00', second: '2000.00' });
    expect((await download(deal, 'buyer', deal.portfolioId, '?tier=P2')).response.status).toBe(403);
    await settled(deal, demoBid);
    const clear = await download(deal, 'buyer');
    expect(clear.response.headers.get('Content-Disposition')).toContain('-P2-');
    const tape = tapeOf(await workbookOf(clear.bytes));
    const loanIds = (
      deal.t.db.$client
        .prepare(
          "select loan_id as loanId from portfolio_loans where portfolio_id = ? and verdict <> 'excluded'",
        )
        .all(deal.portfolioId) as Json[]
    ).map((row) => row.loanId);
    expect(new Set(tape.map((row) => row['Loan reference']))).toEqual(new Set(loanIds));
    expect(tape.some((row) => /^\d{17}[\dX]$/.test(String(row['National id'])))).toBe(true);
    expect(tape.every((row) => /^\d{6}$/.test(String(row['Postal code'])))).toBe(true);
    expect(tape.every((row) => String(row['Mailing address']).includes(String(row['City'])))).toBe(
      true,
    );
    expect(
      (await download(deal, deal.secondAmc.token, deal.portfolioId, '?tier=P2')).response.status,
    ).toBe(403);
    expect((await download(deal, deal.secondAmc.token)).response.status).toBe(200);
    expect((await download(deal, 'buyer', deal.portfolioId + 1)).response.status).toBe(404);
  });

  it('gives the same loan unrelated tokens in two portfolios', async () => {
    const deal = await dealOnDemoBook(200);
    await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/offers`, {
      buyerOrganisationIds: [deal.demoBuyer],
    });
    const before = tapeOf(await workbookOf((await download(deal, 'buyer')).bytes));
    await deal.call(
      'risk',
      'POST',
      `/portfolios/${deal.portfolioId}/transitions`,
      { to: 'withdrawn' },
      200,
    );
    const again = await deal.call('risk', 'POST', '/portfolios', {
      name: 'Relisted',
      cutOffDate: '2026-09-30',
    });
    await deal.call('risk', 'POST', `/portfolios/${again.id}/transitions`, { to: 'locked' }, 200);
    await deal.call('risk', 'POST', `/portfolios/${again.id}/offers`, {
      buyerOrganisationIds: [deal.demoBuyer],
    });
    const after = tapeOf(await workbookOf((await download(deal, 'buyer', again.id)).bytes));
    const tokens = new Set(before.map((row) => row['Loan reference']));
    expect(after).toHaveLength(before.length);
    expect(after.filter((row) => tokens.has(row['Loan reference']))).toHaveLength(0);
  });
});
