/**
 * `npm run walkthrough`: every step a new user takes, through the HTTP API, on a fresh embedded
 * database (./out/walkthrough.db): import a tape and its collection history, write off (one finance
 * user prepares, another approves), build and screen a portfolio, fit curves and value it, offer it
 * to two buyers, download their data rooms, bid, award, sign, settle, download the transfer
 * package. Each step prints its key figures; the files stay under ./out/.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db';
import { seedDemoUsers } from '../src/access';
import { createApp } from '../src/app';
import { generateDemoBook, writeDemoBookCsv } from '../src/demo';
import { defaultConfig, type AppDeps } from '../src/shared';

type Json = Record<string, any>;

const OUT = join(process.cwd(), 'out');
const AS_OF = '2026-09-30';
const LOANS = 5_000;

let instant = '2026-10-01T09:00:00.000Z';
const deps: AppDeps = {
  db: openFreshDatabase(join(OUT, 'walkthrough.db')),
  clock: { now: () => instant, today: () => instant.slice(0, 10) },
  config: defaultConfig,
  log: () => {},
};
seedDemoUsers(deps, () => {});
const app = createApp(deps);

function openFreshDatabase(path: string) {
  mkdirSync(OUT, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return openDatabase(path);
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const as = {
  admin: bearer('demo-admin-token'),
  risk: bearer('demo-risk-token'),
  finance: bearer('demo-finance-token'),
  checker: bearer('demo-checker-token'),
  buyer: bearer('demo-buyer-token'),
};

async function call(
  who: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { ...who, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
  };
  if (body !== undefined)
    init.body =
      typeof body === 'string' || body instanceof Uint8Array
        ? (body as BodyInit)
        : JSON.stringify(body);
  const response = await app.request(path, init);
  if (response.status >= 300)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}
const json = async (
  who: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<Json> => (await (await call(who, method, path, body, contentType)).json()) as Json;
async function save(
  who: Record<string, string>,
  path: string,
  file: string,
): Promise<{ bytes: number; file: string }> {
  const bytes = Buffer.from(await (await call(who, 'GET', path)).arrayBuffer());
  writeFileSync(join(OUT, file), bytes);
  return { bytes: bytes.length, file: `out/${file}` };
}

let stepNumber = 0;
function step(title: string, figures: Record<string, unknown>): void {
  stepNumber += 1;
  console.log(`\n${stepNumber}. ${title}`);
  for (const [name, value] of Object.entries(figures))
    console.log(`   ${name}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}

const started = performance.now();

// 1. The lender's files: a seeded demo tape and its collection history, written as CSV.
const input = join(OUT, 'input');
const files = await writeDemoBookCsv(
  generateDemoBook({ loans: LOANS, seed: 42, asOf: AS_OF }),
  input,
);
step('Files to import (seeded demo book)', {
  loans: files.loans,
  collectionEvents: files.events,
  folder: 'out/input',
});

// 2. Import the tape, then the collection history (all or nothing, each in one transaction).
const tape = await json(
  as.risk,
  'POST',
  `/loans/import?as_of=${AS_OF}`,
  readFileSync(join(input, 'loans.csv')),
  'text/csv',
);
const history = await json(
  as.risk,
  'POST',
  `/collections/import?as_of=${AS_OF}`,
  readFileSync(join(input, 'collections.csv')),
  'text/csv',
);
step('Import the loan tape and the collection history', {
  tapeRows: tape.rows,
  created: tape.created,
  opening: tape.ledger,
  events: history.rows,
  booked: history.ledger,
});

// 3. Write off the charge-off candidates: prepared by one finance user, approved by another, posted.
const prepared = await json(as.finance, 'POST', '/write-offs', {
  writeOffDate: AS_OF,
  reason: 'Walkthrough: candidates past the charge-off threshold',
});
const batchId = prepared.batch.id;
await call(as.checker, 'POST', `/write-offs/${batchId}/approve`);
const posted = await json(as.finance, 'POST', `/write-offs/${batchId}/post`);
const trialBalance = await json(as.finance, 'GET', '/ledger/trial-balance');
step('Write off (核销): prepared by finance, approved by the checker, posted', {
  batch: batchId,
  state: posted.state,
  loans: posted.loans,
  claim: posted.claim,
  journalEntry: posted.entryId,
  trialBalance: `debit ${trialBalance.balanceSheet.debit} = credit ${trialBalance.balanceSheet.credit}; off-balance register ${trialBalance.offBalance.debit}`,
});

// 4. Build and screen a portfolio of the written-off book, then lock it.
const portfolio = await json(as.risk, 'POST', '/portfolios', {
  name: 'Walkthrough personal NPL Q3',
  cutOffDate: AS_OF,
  rulePack: 'cn-personal-npl',
});
await call(as.risk, 'POST', `/portfolios/${portfolio.id}/transitions`, { to: 'locked' });
const detail = await json(as.risk, 'GET', `/portfolios/${portfolio.id}`);
step('Build, screen and lock a portfolio', {
  id: portfolio.id,
  loans: portfolio.loans,
  eligible: portfolio.screening.eligible,
  flagged: portfolio.screening.flagged,
  excluded: portfolio.screening.excluded,
  claimOnOffer: detail.summary.claim,
});

// 5. Fit recovery curves on the history and value the portfolio.
const curveSet = await json(as.risk, 'POST', '/curves', {
  name: 'Walkthrough curves',
  dimensions: ['product'],
});
const valuation = await json(as.risk, 'POST', `/portfolios/${portfolio.id}/valuations`, {
  curveSetId: curveSet.id,
  discountRateAnnual: 0.12,
  targetIrrAnnual: 0.25,
  horizonMonths: 120,
  seed: 1,
  simulations: 1000,
});
const valuationWorkbook = await save(
  as.risk,
  `/valuations/${valuation.id}/workbook`,
  `valuation-${valuation.id}.xlsx`,
);
step('Fit curves and value the portfolio', {
  curveSet: curveSet.id,
  segments: curveSet.segments?.length,
  valuation: valuation.id,
  measures: valuation.measures ?? valuation.results,
  workbook: valuationWorkbook.file,
});

// 6. Offer it to two approved AMCs with an NDA on file.
const secondAmc = await json(as.admin, 'POST', '/buyer-organisations', {
  name: '东方示例资产管理公司 Eastern Example AMC',
  type: 'amc',
  licenceNumber: 'AMC-2026-002',
  ndaSignedOn: '2026-09-15',
  paymentDetails: '东方示例资产管理公司 · 中国建设银行上海分行 · 3100 0000 0000 0000 002',
});
await call(as.admin, 'PATCH', `/buyer-organisations/${secondAmc.id}`, { status: 'approved' });
const secondUser = await json(as.admin, 'POST', '/users', {
  name: 'Eastern AMC buyer',
  email: 'buyer@eastern-amc.example',
  role: 'buyer',
  buyerOrganisationId: secondAmc.id,
});
const secondToken = bearer(
  (await json(as.admin, 'POST', `/users/${secondUser.id}/tokens`, { label: 'walkthrough' })).token,
);
const demoAmc = (await json(as.buyer, 'GET', '/me')).buyerOrganisation;
const offers = await json(as.risk, 'POST', `/portfolios/${portfolio.id}/offers`, {
  buyerOrganisationIds: [demoAmc.id, secondAmc.id],
});
step('Offer it to two buyers', {
  buyers: offers.map((offer: Json) => offer.buyerOrganisation.name),
});

// 7. Each buyer downloads its own (P1, masked, fingerprinted) data room.
const rooms = [
  await save(as.buyer, `/buyer/portfolios/${portfolio.id}/data-room`, 'data-room-demo-amc-P1.xlsx'),
  await save(
    secondToken,
    `/buyer/portfolios/${portfolio.id}/data-room`,
    'data-room-eastern-amc-P1.xlsx',
  ),
];
const offered = (await json(as.buyer, 'GET', `/buyer/portfolios/${portfolio.id}`)).summary;
// What the API says of the loans on offer, for scripts/check-data-room.sh to hold the workbooks to.
writeFileSync(
  join(OUT, 'walkthrough.json'),
  `${JSON.stringify({ dataRooms: rooms.map((room) => room.file), loansOnOffer: offered.loans, claimOnOffer: offered.claim, excluded: offered.excluded.loans }, null, 2)}\n`,
);
step('Download the data rooms (P1)', {
  ...Object.fromEntries(rooms.map((room) => [room.file, `${room.bytes} bytes`])),
  apiLoansOnOffer: offered.loans,
  apiClaimOnOffer: offered.claim,
});

// 8. A sealed-bid round with a hidden reserve; both buyers bid before the deadline.
const reserve =
  Math.round(Number(valuation.price ?? valuation.measures?.price ?? '1000') * 0.8 * 100) / 100;
await json(as.risk, 'POST', `/portfolios/${portfolio.id}/bid-rounds`, {
  name: 'Round 1',
  deadline: '2026-10-10T10:00:00Z',
  reservePrice: reserve.toFixed(2),
});
const demoBid = await json(as.buyer, 'POST', `/buyer/portfolios/${portfolio.id}/bids`, {
  price: (reserve * 1.3).toFixed(2),
  validUntil: '2026-12-31',
  conditions: 'Subject to the put-back of deceased accounts',
});
const secondBid = await json(secondToken, 'POST', `/buyer/portfolios/${portfolio.id}/bids`, {
  price: (reserve * 1.1).toFixed(2),
  validUntil: '2026-12-31',
});
step('Sealed bids', {
  reserve: reserve.toFixed(2),
  demoAmc: demoBid.bids.at(-1).price,
  easternAmc: secondBid.bids.at(-1).price,
});

// 9. After the deadline: award, sign, and settle when the price is received.
instant = '2026-10-12T09:00:00.000Z';
const [round] = (await json(
  as.risk,
  'GET',
  `/portfolios/${portfolio.id}/bid-rounds`,
)) as unknown as Json[];
const best = round!.bids
  .filter((bid: Json) => bid.standing)
  .sort((a: Json, b: Json) => Number(b.price) - Number(a.price))[0];
const sale = await json(as.risk, 'POST', `/portfolios/${portfolio.id}/award`, {
  bidId: best.id,
  contractEffectiveDate: '2026-10-15',
  deliveryDate: '2026-10-31',
});
await call(as.risk, 'POST', `/sales/${sale.id}/sign`);
instant = '2026-10-20T15:00:00.000Z';
const settlement = await json(as.finance, 'POST', `/sales/${sale.id}/settle`, {
  receivedOn: '2026-10-20',
});
step('Award, sign, settle', {
  sale: sale.id,
  awardKind: sale.awardKind,
  price: sale.price,
  priceShareOfClaim: `${(sale.priceShareOfClaim * 100).toFixed(2)} %`,
  loans: sale.loanCount,
  ledgerEntry: settlement.sale.entryId,
  bringDownChanges: settlement.bringDown.length,
});

// 9b. A put-back: the buyer learns a borrower died before the cut-off; finance accepts it. The
// loan leaves the sale: its price is refunded and every later figure nets it out.
instant = '2026-10-26T09:00:00.000Z';
const [returned] = deps.db.$client
  .prepare(
    `select a.loan_id as loanId from sale_allocations a where a.sale_id = ? and not exists
       (select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id) order by a.loan_id limit 1`,
  )
  .all(sale.id) as { loanId: string }[];
const asked = await json(as.buyer, 'POST', `/buyer/sales/${sale.id}/put-backs`, {
  loanId: returned!.loanId,
  reason: 'deceased',
  detail: 'death certificate dated before the cut-off',
});
await call(as.finance, 'POST', `/sales/${sale.id}/put-backs/${asked.id}/decision`, {
  decision: 'accept',
  note: 'certificate checked',
});
const saleNow = await json(as.finance, 'GET', `/sales/${sale.id}`);
const summaryNow = (await json(as.risk, 'GET', `/portfolios/${portfolio.id}`)).summary;
step('Put-back accepted', {
  loan: returned!.loanId,
  removedAtSettlement: settlement.removed?.loans.length ?? 0,
  netLoans: saleNow.netLoanCount,
  netClaim: saleNow.netClaim,
  netPrice: saleNow.netPrice,
  portfolioLoans: summaryNow.loans,
  portfolioClaim: summaryNow.claim,
});
if (summaryNow.loans !== saleNow.netLoanCount || summaryNow.claim !== saleNow.netClaim)
  throw new Error('the portfolio summary and the sale net of put-backs disagree');

// 10. The transfer package, and the winner's clear (P2) data room.
const zip = await save(
  as.finance,
  `/sales/${sale.id}/package`,
  `transfer-package-sale-${sale.id}.zip`,
);
const p2 = await save(
  as.buyer,
  `/buyer/portfolios/${portfolio.id}/data-room`,
  'data-room-demo-amc-P2.xlsx',
);
step('Transfer package and P2 data room', {
  package: `${zip.file} (${zip.bytes} bytes)`,
  p2: `${p2.file} (${p2.bytes} bytes)`,
});

// 11. A copy leaks: the trace names the buyer it was made for.
const traced = await json(
  as.risk,
  'POST',
  '/data-rooms/trace',
  readFileSync(join(OUT, 'data-room-eastern-amc-P1.xlsx')),
  'application/octet-stream',
);
step('Trace a leaked copy', {
  attributedTo: traced.copies.map((copy: Json) => copy.buyerOrganisation.name),
  evidence: traced.evidence.map((item: Json) => item.method),
});

// 12. The books: every asset on its natural side, debit = credit, and one report that ties the
// book, the ledger, the register and the sale.
const trial = await json(as.finance, 'GET', '/ledger/trial-balance?as_of=2026-10-31');
const assetsInCredit = (trial.sections as Json[])
  .filter((section) => section.section === 'assets')
  .flatMap((section) => section.accounts as Json[])
  .filter((account) => Number(account.balance) < 0 && !/allowance|备/i.test(account.nameEn));
const reconciliation = await json(as.finance, 'GET', '/reconciliation?as_of=2026-10-31');
step('Trial balance and reconciliation', {
  debit: trial.totals.debit,
  credit: trial.totals.credit,
  balanced: trial.totals.balanced,
  assetsWithACreditBalance: assetsInCredit.map((account) => account.code),
  reconciliationLines: reconciliation.lines.length,
  untied: (reconciliation.lines as Json[])
    .filter((line) => !line.ties)
    .map((line) => `${line.check}: ${line.difference}`),
});
if (!trial.totals.balanced || assetsInCredit.length > 0 || !reconciliation.ties)
  throw new Error('the books do not tie: see the step above');

console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Files under out/; the database is out/walkthrough.db.`,
);
