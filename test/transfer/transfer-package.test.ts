import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { biddingClosed, dealOnDemoBook, type Json } from './deal';

describe('the transfer package', () => {
  it('zips the P2 data room, the asset schedule, a notice per borrower and a mail merge, with a manifest that ties out', async () => {
    const deal = await dealOnDemoBook(300);
    const { demoBid } = await biddingClosed(deal, { demo: '43210.99' });
    const award = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
      bidId: demoBid,
      contractEffectiveDate: '2026-10-15',
      deliveryDate: '2026-10-31',
    });
    expect((await deal.send('risk', 'GET', `/sales/${award.id}/package`)).status).toBe(409);
    await deal.call('risk', 'POST', `/sales/${award.id}/sign`, undefined, 200);
    deal.clock.set('2026-10-20T15:00:00.000Z');
    const { sale } = await deal.call(
      'finance',
      'POST',
      `/sales/${award.id}/settle`,
      { receivedOn: '2026-10-20' },
      200,
    );
    const response = await deal.send('finance', 'GET', `/sales/${sale.id}/package`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/zip');
    const bytes = Buffer.from(await response.arrayBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Json;
    expect(manifest.ties).toEqual({
      allocationSumsToPrice: true,
      scheduleClaimIsSaleClaim: true,
      oneNoticePerBorrower: true,
    });
    // What the sale holds after the bring-down took out the loans it excluded.
    expect(manifest.totals).toMatchObject({
      allocatedPrice: sale.netPrice,
      salePrice: sale.netPrice,
      claim: sale.netClaim,
    });
    expect(manifest.counts.loans).toBe(sale.netLoanCount);
    const borrowers = deal.t.db.$client
      .prepare(
        'select count(distinct pl.borrower_id) as n from sale_allocations a join portfolio_loans pl on pl.loan_id = a.loan_id and pl.portfolio_id = ? where a.sale_id = ? and a.loan_id not in (select loan_id from sale_exits where sale_id = a.sale_id)',
      )
      .get(deal.portfolioId, sale.id) as Json;
    expect(manifest.counts).toMatchObject({
      borrowers: borrowers.n,
      notices: borrowers.n,
      noticeFiles: Math.ceil(borrowers.n / 500),
    });
    for (const file of manifest.files as Json[]) {
      const content = await zip.file(file.path)!.async('nodebuffer');
      expect(createHash('sha256').update(content).digest('hex'), file.path).toBe(file.sha256);
      expect(content.length).toBe(file.bytes);
    }
    const schedule = new ExcelJS.Workbook();
    await schedule.xlsx.load(
      (await zip.file('asset-schedule.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    const rows = schedule.worksheets[0]!.getSheetValues().slice(2) as ExcelJS.CellValue[][];
    expect(rows).toHaveLength(sale.netLoanCount);
    const sumFen = (column: number) =>
      rows.reduce((sum, row) => sum + Math.round((row[column] as number) * 100), 0);
    expect((sumFen(10) / 100).toFixed(2)).toBe(sale.netPrice);
    expect((sumFen(9) / 100).toFixed(2)).toBe(sale.netClaim);
    const noticeFiles = (manifest.files as Json[]).filter((file) =>
      file.path.startsWith('notices/'),
    );
    const pages = await Promise.all(
      noticeFiles.map(
        async (file) => (await zip.file(file.path)!.async('string')).match(/<section id=/g)!.length,
      ),
    );
    expect(pages.reduce((a, b) => a + b, 0)).toBe(borrowers.n);
    const html = await zip.file(noticeFiles[0]!.path)!.async('string');
    expect(html).toContain('债权转让通知书');
    expect(html).toContain('Demo AMC');
    expect(html).toContain('中国工商银行');
    const mailMerge = new ExcelJS.Workbook();
    await mailMerge.xlsx.load(
      (await zip.file('notices-mail-merge.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    expect(mailMerge.worksheets[0]!.rowCount - 1).toBe(borrowers.n);
    const mergeSheet = mailMerge.worksheets[0]!;
    const column = (english: string) =>
      (mergeSheet.getRow(1).values as string[]).findIndex((header) =>
        String(header).endsWith(english),
      );
    const firstRow = mergeSheet.getRow(2);
    const [file, anchor] = String(firstRow.getCell(column('Notice file')).value).split('#');
    expect(await zip.file(file!)!.async('string')).toContain(`<section id="${anchor}">`);
    expect(await zip.file(file!)!.async('string')).toContain(String(firstRow.getCell(2).value));
    await expectPrintableNotices(deal, zip, noticeFiles, mergeSheet, column);
    const dataRoom = new ExcelJS.Workbook();
    await dataRoom.xlsx.load(
      (await zip.file('data-room-P2.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    expect(dataRoom.getWorksheet('Read-me 说明')!.getCell('B5').value).toBe('P2');
    const audit = deal.t.db.$client
      .prepare(
        "select count(*) as n from audit_events where action = 'transfer.package.downloaded' and file_sha256 = ?",
      )
      .get(createHash('sha256').update(bytes).digest('hex')) as Json;
    expect(audit.n).toBe(1);
    expect((await deal.send('buyer', 'GET', `/sales/${sale.id}/package`)).status).toBe(403);
  });
});

/**
 * Each notice as a borrower receives it: the national id masked but for its last four characters,
 * amounts with thousands separators, the borrower's mailing address and postal code, and a place
 * for the seal; the mail merge carries the same address and the same masked id.
 */
async function expectPrintableNotices(
  deal: Awaited<ReturnType<typeof dealOnDemoBook>>,
  zip: JSZip,
  noticeFiles: Json[],
  mergeSheet: ExcelJS.Worksheet,
  column: (english: string) => number,
) {
  const html = (
    await Promise.all(noticeFiles.map((file) => zip.file(file.path)!.async('string')))
  ).join('\n');
  const sections = html.split('<section id=').slice(1);
  const borrowers = deal.t.db.$client
    .prepare(
      `select distinct l.borrower_id as borrowerId, l.national_id as nationalId, l.mailing_address as address,
              l.postal_code as postalCode, l.borrower_name as name
         from sale_allocations a join loans l on l.loan_id = a.loan_id
        where not exists (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id)`,
    )
    .all() as Json[];
  expect(borrowers.length).toBe(sections.length);
  for (const borrower of borrowers) {
    expect(html).not.toContain(borrower.nationalId);
    const section = sections.find((text) => text.includes(`notice-${borrower.borrowerId}"`))!;
    expect(section, borrower.borrowerId).toContain(
      `${'*'.repeat(14)}${borrower.nationalId.slice(-4)}`,
    );
    expect(section).toContain(borrower.address);
    expect(section).toContain(borrower.postalCode);
    expect(section).toContain('盖章处');
    expect(section).toMatch(/seal/i);
  }
  const amounts = [...html.matchAll(/<t[dh] class="n">([^<]*)</g)].map((match) => match[1]!);
  expect(amounts.length).toBeGreaterThan(0);
  for (const amount of amounts) expect(amount).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  expect(amounts.some((amount) => amount.includes(','))).toBe(true);
  const byId = new Map(borrowers.map((borrower) => [borrower.borrowerId, borrower]));
  mergeSheet.eachRow((row, number) => {
    if (number === 1) return;
    const borrower = byId.get(String(row.getCell(column('Borrower id')).value))!;
    expect(row.getCell(column('Mailing address')).value).toBe(borrower.address);
    expect(row.getCell(column('Postal code')).value).toBe(borrower.postalCode);
    expect(row.getCell(column('National id (last 4)')).value).toBe(
      `${'*'.repeat(14)}${borrower.nationalId.slice(-4)}`,
    );
  });
}
