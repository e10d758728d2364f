import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionOf, openDatabase, fileImports, prepared } from '../db';
import { seedDemoUsers } from '../src/access';
import { systemActor } from '../src/audit';
import { createApp } from '../src/app';
import { postOpeningRegister } from '../src/ledger';
import { fixedClock, defaultConfig, type AppDeps } from '../src/shared';
import { settleSale, writeTransferPackage } from '../src/transfer';
import { createWholeBookPortfolio, seedWrittenOffBook } from './portfolio';

const RISK = { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'application/json' };
const BUYER = { Authorization: 'Bearer demo-buyer-token', 'Content-Type': 'application/json' };

/**
 * The `sale` case: the portfolio bench's written-off book of `--loans` loans (1,000,000 by default),
 * its claims on the off-balance register, made into one portfolio of every loan, offered, bid on and awarded
 * through the API (untimed, but the award's seconds are shown). Then, each in a child process so
 * its peak RSS is its own: the settlement (bring-down, the sale through the ledger, interim
 * claims) and the transfer package written to a file. One JSON line for each.
 */
export async function saleCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      loans: { type: 'string', default: '1000000' },
      db: { type: 'string' },
      step: { type: 'string' },
    },
  });
  if (values.db !== undefined)
    return timedStep(values.db, values.step === 'package' ? 'package' : 'settle');
  const folder = mkdtempSync(join(tmpdir(), 'bench-sale-'));
  try {
    const database = join(folder, 'platform.db');
    const awardSeconds = await prepareAwardedSale(database, Number(values.loans));
    console.log(JSON.stringify({ case: 'sale-award', seconds: Number(awardSeconds.toFixed(2)) }));
    for (const step of ['settle', 'package']) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1]!, 'sale', '--db', database, '--step', step],
        { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
      );
      process.stdout.write(child.stdout);
      if (child.status !== 0) throw new Error(`the ${step} process exited with ${child.status}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function prepareAwardedSale(database: string, loans: number): Promise<number> {
  let instant = '2026-07-01T09:00:00.000Z';
  const deps: AppDeps = {
    db: openDatabase(database),
    clock: { now: () => instant, today: () => instant.slice(0, 10) },
    config: defaultConfig,
    log: () => {},
  };
  seedDemoUsers(deps, () => {});
  seedWrittenOffBook(deps.db, loans);
  // The book was inserted raw: its claims enter the off-balance register as a tape import's would.
  const importId = deps.db
    .insert(fileImports)
    .values({
      kind: 'loan_tape',
      status: 'accepted',
      format: 'csv',
      mode: 'insert',
      fileSha256: '0'.repeat(64),
      fileBytes: 0,
      actor: 'bench',
      rowCount: loans,
      importedAt: instant,
    })
    .returning({ id: fileImports.id })
    .get().id;
  prepared(deps.db, 'update loans set import_id = ?').run(importId);
  deps.db.transaction((tx) =>
    postOpeningRegister(
      { tx, deps, actor: systemActor('bench') },
      { importId, newLoansOnly: true },
    ),
  );
  const app = createApp(deps);
  const call = async (headers: Record<string, string>, path: string, payload?: unknown) => {
    const response = await app.request(path, {
      method: 'POST',
      headers,
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    if (response.status >= 300)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: number; bids: { id: number }[] };
  };
  const { id } = await createWholeBookPortfolio(app);
  await call(RISK, `/portfolios/${id}/transitions`, { to: 'locked' });
  await call(RISK, `/portfolios/${id}/offers`, { buyerOrganisationIds: [1] });
  await call(RISK, `/portfolios/${id}/bid-rounds`, {
    name: 'bench',
    deadline: '2026-07-02T00:00:00Z',
  });
  const { bids } = await call(BUYER, `/buyer/portfolios/${id}/bids`, {
    price: '12345678.90',
    validUntil: '2026-08-31',
  });
  instant = '2026-07-03T09:00:00.000Z';
  const started = performance.now();
  const sale = await call(RISK, `/portfolios/${id}/award`, {
    bidId: bids[0]!.id,
    contractEffectiveDate: '2026-07-03',
    deliveryDate: '2026-07-10',
  });
  const seconds = (performance.now() - started) / 1000;
  await call(RISK, `/sales/${sale.id}/sign`);
  connectionOf(deps.db).close();
  return seconds;
}

async function timedStep(database: string, step: 'settle' | 'package'): Promise<void> {
  const deps: AppDeps = {
    db: openDatabase(database),
    clock: fixedClock('2026-07-10T09:00:00.000Z'),
    config: defaultConfig,
    log: () => {},
  };
  const actor = systemActor('bench');
  const started = performance.now();
  const figures =
    step === 'settle'
      ? deps.db.transaction((tx) => {
          const settled = settleSale({ tx, deps, actor }, { saleId: 1, receivedOn: '2026-07-10' });
          return { loans: settled.sale.loanCount, bringDownChanges: settled.changes.length };
        })
      : await writeTransferPackage(
          deps,
          actor,
          1,
          createWriteStream(join(database, '..', 'package.zip'), { highWaterMark: 1 << 20 }),
        ).then(({ manifest, written }) => ({
          loans: manifest.counts.loans,
          borrowers: manifest.counts.borrowers,
          fileMb: Math.round(written.bytes / 1e6),
          tiesOut: Object.values(manifest.ties).every(Boolean),
        }));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      case: `sale-${step}`,
      ...figures,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
