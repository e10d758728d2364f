import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connectionOf } from '../db';
import { createApp } from '../src/app';
import { stratDimensions, type StratDimension } from '../src/portfolios';
import { benchBook, createWholeBookPortfolio, fetchStrat } from './portfolio';

/**
 * The `strats` case: a portfolio of `--loans` written-off loans (1,000,000 by default), as the
 * `portfolio` case makes it, then one strat query `--by` a dimension (balance_band by default)
 * through the API. Seconds count that one query.
 */
export async function stratsCase(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      loans: { type: 'string', default: '1000000' },
      by: { type: 'string', default: 'balance_band' },
    },
  });
  const loans = Number(values.loans);
  const by = values.by as StratDimension;
  if (!stratDimensions.includes(by))
    throw new Error(`--by must be one of ${stratDimensions.join(', ')}`);
  const { deps, folder } = benchBook('bench-strats-', loans);
  try {
    const app = createApp(deps);
    const portfolio = await createWholeBookPortfolio(app);
    const started = performance.now();
    const strat = await fetchStrat(app, portfolio.id, by);
    const seconds = (performance.now() - started) / 1000;
    connectionOf(deps.db).close();
    if (strat.totals.loans !== portfolio.onOffer)
      throw new Error(
        `the strat totals ${strat.totals.loans} loans, the screening ${portfolio.onOffer}`,
      );
    console.log(JSON.stringify({ case: 'strats', loans, seconds: Number(seconds.toFixed(3)), by }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
