import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionOf, openDatabase, prepared, type Db } from '../db';
import { seedDemoUsers } from '../src/access';
import { createApp } from '../src/app';
import { stratDimensions } from '../src/portfolios';
import { fixedClock, defaultConfig, type AppDeps, addDays } from '../src/shared';

const PROVINCES = [
  '广东',
  '江苏',
  '山东',
  '浙江',
  '河南',
  '四川',
  '湖北',
  '湖南',
  '河北',
  '福建',
  null,
] as const;
const PRODUCTS = ['consumer_loan', 'credit_card', 'cash_loan', 'small_business'] as const;
const STAGES = ['fresh', 'primary', 'secondary', 'tertiary', null] as const;
const TAPE_DATE = '2026-05-31';
export const CUT_OFF_DATE = '2026-06-30';

/**
 * `loans` written-off loans on the 2026-05-31 tape, inserted raw in one transaction: 48 monthly
 * charge-off cohorts, ten provinces, four products (and 1 % mortgages, which the Chinese pack
 * excludes), borrowers born 1960–1999, a payment after charge-off on two loans in three, and the
 * usual small shares of bankrupt, deceased, disputed and litigated accounts.
 */
export function seedWrittenOffBook(db: Db, loans: number): void {
  const insertLoan = prepared(
    db,
    `insert into loans (loan_id, borrower_id, borrower_name, national_id, province, product, origination_date, original_principal_fen,
                        principal_fen, interest_fen, fee_fen, penalty_fen, days_past_due, last_payment_date, last_payment_fen, status,
                        charge_off_date, charge_off_fen, bankrupt, deceased, disputed, litigation_pending, placement_stage, tape_date)
     values (?, ?, '王伟', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'charged_off', ?, ?, ?, ?, ?, ?, ?, '${TAPE_DATE}')`,
  );
  const insertPayment = prepared(
    db,
    `insert into collection_events (loan_id, event_date, event_type, amount_fen, payment_channel) values (?, ?, 'payment', ?, 'agency')`,
  );
  db.transaction(() => {
    for (let i = 0; i < loans; i += 1) {
      const loanId = `PB${String(i).padStart(8, '0')}`;
      const chargeOffDate = addDays('2022-06-15', (i * 37) % 1440);
      const principalFen = 50_000 + ((i * 7919) % 5_000_000);
      const [interestFen, feeFen, penaltyFen] = [
        principalFen >> 3,
        1_500 + (i % 700),
        principalFen >> 5,
      ];
      const claimFen = principalFen + interestFen + feeFen + penaltyFen;
      const paid = i % 3 !== 0;
      const paymentDate = addDays(chargeOffDate, 20 + (i % 300));
      const lastPaymentDate =
        paid && paymentDate <= TAPE_DATE ? paymentDate : addDays(chargeOffDate, -200);
      const birth = `${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
      insertLoan.run(
        loanId,
        `B${i >> 1}`,
        `110101${birth}123X`,
        PROVINCES[i % PROVINCES.length],
        i % 100 === 0 ? 'mortgage' : PRODUCTS[i % PRODUCTS.length],
        addDays(chargeOffDate, -400),
        principalFen * 2,
        principalFen,
        interestFen,
        feeFen,
        penaltyFen,
        180 + (Date.parse(TAPE_DATE) - Date.parse(chargeOffDate)) / 86_400_000,
        lastPaymentDate,
        5_000,
        chargeOffDate,
        claimFen,
        Number(i % 167 === 0),
        Number(i % 173 === 0),
        Number(i % 41 === 0),
        Number(i % 23 === 0),
        STAGES[i % STAGES.length],
      );
      if (paid && paymentDate <= TAPE_DATE) insertPayment.run(loanId, paymentDate, 5_000);
    }
  });
}

/** A fresh database file in a temp folder with the demo users and a written-off book of `loans` loans. */
export function benchBook(prefix: string, loans: number): { deps: AppDeps; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const deps: AppDeps = {
    db: openDatabase(join(folder, 'platform.db')),
    clock: fixedClock('2026-07-01T09:00:00.000Z'),
    config: defaultConfig,
    log: () => {},
  };
  seedDemoUsers(deps, () => {});
  seedWrittenOffBook(deps.db, loans);
  return { deps, folder };
}

const RISK = { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'application/json' };

/** Creates a portfolio of every written-off loan through the API. @returns its id, the loans on offer and the loans excluded */
export async function createWholeBookPortfolio(
  app: ReturnType<typeof createApp>,
): Promise<{ id: number; onOffer: number; excluded: number }> {
  const response = await app.request('/portfolios', {
    method: 'POST',
    headers: RISK,
    body: JSON.stringify({ name: 'bench', cutOffDate: CUT_OFF_DATE }),
  });
  const body = (await response.json()) as {
    id: number;
    screening: { eligible: number; flagged: number; excluded: number };
  };
  if (response.status !== 201)
    throw new Error(`creating the portfolio answered ${response.status}: ${JSON.stringify(body)}`);
  return {
    id: body.id,
    onOffer: body.screening.eligible + body.screening.flagged,
    excluded: body.screening.excluded,
  };
}

/** The summary of portfolio `id` through the API. @throws Error unless it answers 200 */
export async function fetchSummary(
  app: ReturnType<typeof createApp>,
  id: number,
): Promise<{ loans: number }> {
  const response = await app.request(`/portfolios/${id}`, { headers: RISK });
  if (response.status !== 200) throw new Error(`the summary answered ${response.status}`);
  return ((await response.json()) as { summary: { loans: number } }).summary;
}

/** One strat of portfolio `id` through the API. @throws Error unless it answers 200 */
export async function fetchStrat(
  app: ReturnType<typeof createApp>,
  id: number,
  by: string,
): Promise<{ totals: { loans: number } }> {
  const response = await app.request(`/portfolios/${id}/strats?by=${by}`, { headers: RISK });
  if (response.status !== 200) throw new Error(`strat ${by} answered ${response.status}`);
  return (await response.json()) as { totals: { loans: number } };
}

/**
 * The `portfolio` case: seeds `--loans` written-off loans (1,000,000 by default) into a fresh
 * database file, then creates a portfolio of all of them through the API (snapshot and screening
 * with the Chinese pack) and asks for every strat. Seconds count the creation and the strats;
 * the summary (GET /portfolios/{id}) is timed apart, in `summarySeconds`.
 */
export async function portfolioCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { loans: { type: 'string', default: '1000000' } },
  });
  const loans = Number(values.loans);
  const { deps, folder } = benchBook('bench-portfolio-', loans);
  try {
    const app = createApp(deps);
    const started = performance.now();
    const portfolio = await createWholeBookPortfolio(app);
    const created = performance.now();
    for (const by of stratDimensions) {
      const strat = await fetchStrat(app, portfolio.id, by);
      if (strat.totals.loans !== portfolio.onOffer)
        throw new Error(
          `strat ${by} totals ${strat.totals.loans} loans, the screening ${portfolio.onOffer}`,
        );
    }
    const seconds = (performance.now() - started) / 1000;
    const summaryStarted = performance.now();
    const summary = await fetchSummary(app, portfolio.id);
    const summarySeconds = (performance.now() - summaryStarted) / 1000;
    connectionOf(deps.db).close();
    if (portfolio.onOffer + portfolio.excluded !== loans || summary.loans !== portfolio.onOffer)
      throw new Error(
        `the portfolio holds ${portfolio.onOffer + portfolio.excluded} loans of ${loans}`,
      );
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const round = (value: number) => Number(value.toFixed(2));
    console.log(
      JSON.stringify({
        case: 'portfolio',
        loans,
        seconds: round(seconds),
        createSeconds: round((created - started) / 1000),
        strats: stratDimensions.length,
        summarySeconds: round(summarySeconds),
        excluded: portfolio.excluded,
        peakRssMb,
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
