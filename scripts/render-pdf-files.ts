// Writes the files scripts/render-pdf.sh prints: a sale's transfer notices (HTML, from the
// transfer package) and a valuation workbook (.xlsx), built through the API on a fresh in-memory
// demo book. Usage: tsx scripts/render-pdf-files.ts OUTPUT_DIR [--loans N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { biddingClosed, dealOnDemoBook } from '../test/transfer/deal';
import { demoValuationApp, send, valued } from '../test/valuation/demo-valuation';

const [output, ...options] = process.argv.slice(2);
if (!output) throw new Error('usage: render-pdf-files.ts OUTPUT_DIR [--loans N]');
const loansAt = options.indexOf('--loans');
const loans = loansAt >= 0 ? Number(options[loansAt + 1]) : 300;
mkdirSync(output, { recursive: true });

async function notices(): Promise<string[]> {
  const deal = await dealOnDemoBook(loans);
  const { demoBid } = await biddingClosed(deal, { demo: '123456.78' });
  const award = await deal.call('risk', 'POST', `/portfolios/${deal.portfolioId}/award`, {
    bidId: demoBid,
    contractEffectiveDate: '2026-10-15',
    deliveryDate: '2026-10-31',
  });
  await deal.call('risk', 'POST', `/sales/${award.id}/sign`, undefined, 200);
  const response = await deal.send('finance', 'GET', `/sales/${award.id}/package`);
  if (response.status !== 200) throw new Error(`package answered ${response.status}`);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const files = Object.keys(zip.files).filter((path) => /^notices\/.*\.html$/.test(path));
  const written: string[] = [];
  for (const path of files) {
    const html = await zip.file(path)!.async('string');
    const target = join(output!, path.replace('notices/', ''));
    writeFileSync(target, html);
    written.push(`${target}\t${html.split('<section id=').length - 1}`);
  }
  return written;
}

async function valuationWorkbook(): Promise<string> {
  const { t, portfolioId, curveSetId } = await demoValuationApp();
  await send(t, 'POST', '/backtests', 'risk', { asOf: '2026-03-31', simulations: 20 });
  const valuation = await valued(t, portfolioId, {
    curveSetId,
    discountRateAnnual: 0.12,
    targetIrrAnnual: 0.25,
    simulations: 100,
    seed: 5,
  });
  const response = await send(t, 'GET', `/valuations/${valuation.id}/workbook`, 'risk');
  if (response.status !== 200) throw new Error(`workbook answered ${response.status}`);
  const target = join(output!, 'valuation.xlsx');
  const bytes = Buffer.from(await response.arrayBuffer());
  writeFileSync(target, bytes);
  // Each sheet's header row, which every printed page of that sheet must show whole.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const headers = Object.fromEntries(
    workbook.worksheets.map((sheet) => [
      sheet.name,
      (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String),
    ]),
  );
  writeFileSync(join(output!, 'valuation-headers.json'), JSON.stringify(headers, null, 2));
  return target;
}

// One line per file: its path and, for notices, how many notices it holds.
for (const line of await notices()) console.log(line);
console.log(`${await valuationWorkbook()}\t0`);
