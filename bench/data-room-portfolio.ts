import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionOf, openDatabase } from '../db';
import { systemActor } from '../src/audit';
import { createApp } from '../src/app';
import { fixedClock, defaultConfig, type AppDeps } from '../src/shared';
import { startDownload, streamDataRoom } from '../src/transfer';
import { benchBook, createWholeBookPortfolio } from './portfolio';

const RISK = { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'application/json' };

/**
 * The `data-room` case: the whole data room of a `--loans`-loan portfolio (1,000,000 by default),
 * as a buyer downloads it: read-me, summary, every strat, the masked and tokenised tape in its
 * fingerprint order, the pool history, the exclusions, the bid form, streamed to a file. The book,
 * the portfolio and its offer are made first (not timed); the download runs in a child process,
 * so its peak RSS is the download's own.
 */
export async function dataRoomPortfolioCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      loans: { type: 'string', default: '1000000' },
      db: { type: 'string' },
      portfolio: { type: 'string' },
    },
  });
  if (values.db !== undefined) return downloadOnce(values.db, Number(values.portfolio));
  const { deps, folder } = benchBook('bench-data-room-', Number(values.loans));
  try {
    const app = createApp(deps);
    const { id } = await createWholeBookPortfolio(app);
    for (const [path, body] of [
      [`/portfolios/${id}/transitions`, { to: 'locked' }],
      [`/portfolios/${id}/offers`, { buyerOrganisationIds: [1] }],
    ] as const) {
      const response = await app.request(path, {
        method: 'POST',
        headers: RISK,
        body: JSON.stringify(body),
      });
      if (response.status >= 300)
        throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    connectionOf(deps.db).close();
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        'data-room',
        '--db',
        join(folder, 'platform.db'),
        '--portfolio',
        String(id),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
    );
    process.stdout.write(child.stdout);
    if (child.status !== 0) throw new Error(`the download process exited with ${child.status}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function downloadOnce(databasePath: string, portfolioId: number): Promise<void> {
  const deps: AppDeps = {
    db: openDatabase(databasePath),
    clock: fixedClock('2026-07-02T09:00:00.000Z'),
    config: defaultConfig,
    log: () => {},
  };
  const actor = systemActor('bench');
  const started = performance.now();
  const download = deps.db.transaction((tx) =>
    startDownload({ tx, deps, actor }, { portfolioId, buyerOrganisationId: 1 }),
  );
  const path = join(databasePath, '..', 'data-room.xlsx');
  const file = await streamDataRoom(
    deps,
    actor,
    download,
    createWriteStream(path, { highWaterMark: 1 << 20 }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const rows = download.download.loanRows;
  console.log(
    JSON.stringify({
      case: 'data-room',
      loans: rows,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb,
      rowsPerSecond: Math.round(rows / seconds),
      fileMb: Math.round(file.bytes / 1e6),
      tier: download.copy.tier,
    }),
  );
}
