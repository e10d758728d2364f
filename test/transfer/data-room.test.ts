import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { biddingClosed, dealOnDemoBook, settled, type Deal, type Json } from './deal';

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
