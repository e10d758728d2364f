/**
 * On the demo book the generator's recovery curves are known (src/demo/liquidation-curve.ts): a
 * product × balance band curve with Σ of its first 36 monthly rates = the product's 36-month share
 * × the band's factor, decaying at the product's rate. These tests hold the fitted curves and the
 * back-test up to that truth. The generator also runs repayment plans, lawsuits that make payment
 * likelier for a year, and caps each month's payment probability at 90 %: the curves it states
 * are the core of what the loans do, not all of it, so the tolerances are a few percent.
 */
import type { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fen } from '../../src/shared';
import { importDemoBook } from '../../src/demo/import-book';
import { incrementalRecoveryRate, liquidationCurve } from '../../src/demo/liquidation-curve';
import { productTerms, type DemoProduct } from '../../src/demo/products';
import type { BacktestSchema } from '../../src/valuation/backtests/backtest-schemas';
import type { CurveSetSchema } from '../../src/valuation/curves/curve-schemas';
import { testApp } from '../helpers/test-app';

type T = ReturnType<typeof testApp>;
type CurveSet = z.infer<typeof CurveSetSchema>;

const post = (t: T, path: string, body: unknown) =>
  t.app.request(path, {
    method: 'POST',
    headers: t.as('risk', { 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  });

/** The generator's own cumulative recovery over the first `months` months, weighted by charged-off balance (vintage luck averages out to 1). */
function generatorTruth(t: T, months: number): Map<string, number> {
  const rows = t.db.$client
    .prepare('select product, charge_off_fen as fen from loans where charge_off_date is not null')
    .all() as { product: DemoProduct; fen: Fen }[];
  const totals = new Map<string, { fen: number; recovered: number }>();
  for (const { product, fen } of rows) {
    const curve = liquidationCurve(productTerms[product], fen, 1);
    let share = 0;
    for (let month = 1; month <= months; month++) share += incrementalRecoveryRate(curve, month);
    for (const key of [`product=${product}`, 'all']) {
      const total = totals.get(key) ?? { fen: 0, recovered: 0 };
      total.fen += fen;
      total.recovered += fen * share;
      totals.set(key, total);
    }
  }
  return new Map([...totals].map(([key, total]) => [key, total.recovered / total.fen]));
}

describe('on an 8,000-loan demo book, whose true curves the generator knows', () => {
  let t: T;
  beforeAll(async () => {
    t = testApp({ clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' } });
    await importDemoBook(t.deps, { loans: 8_000, seed: 42, asOf: '2026-09-30' });
    // A few seconds alone; far longer when CI shares two cores with other test files.
  }, 120_000);

  it("fits per product the recovery of the first two years, and ranks the products' decay as the generator does", async () => {
    const set = (await (
      await post(t, '/curves', { name: 'truth', dimensions: ['product'], credibilityK: 0 })
    ).json()) as CurveSet;
    const truth = generatorTruth(t, 24);
    const curves = new Map([set.book, ...set.segments].map((curve) => [curve.segment, curve]));
    const fittedOverTruth = (segment: string) =>
      curves.get(segment)!.cumulativeGross[23]! / truth.get(segment)!;
    console.log(
      'fitted ÷ generator, 24 months:',
      [...curves.keys()].map((s) => `${s} ${fittedOverTruth(s).toFixed(3)}`).join(', '),
    );
    expect(Math.abs(fittedOverTruth('all') - 1)).toBeLessThan(0.08);
    // Products that rarely go to court follow their stated curve closely…
    expect(Math.abs(fittedOverTruth('product=cash_loan') - 1)).toBeLessThan(0.05);
    expect(Math.abs(fittedOverTruth('product=credit_card') - 1)).toBeLessThan(0.06);
    // …those sued more often collect more than it says, as the generator's lawsuits make them pay.
    expect(fittedOverTruth('product=consumer_loan')).toBeGreaterThan(1);
    expect(fittedOverTruth('product=small_business')).toBeGreaterThan(1);
    // Fitted tails decay more slowly than the stated curves (plans and lawsuits pay late), but rank the products as the generator does.
    const fastestFirst: DemoProduct[] = [
      'cash_loan',
      'credit_card',
      'consumer_loan',
      'small_business',
    ];
    const fittedDecay = fastestFirst.map(
      (product) => curves.get(`product=${product}`)!.decayPerMonth,
    );
    console.log(
      'fitted ÷ generator, decay per month:',
      fastestFirst
        .map((p, i) => `${p} ${(fittedDecay[i]! / productTerms[p].decayPerMonth).toFixed(3)}`)
        .join(', '),
    );
    expect(fittedDecay).toEqual([...fittedDecay].sort((a, b) => b - a));
    fastestFirst.forEach((product, i) =>
      expect(fittedDecay[i]! / productTerms[product].decayPerMonth, product).toBeGreaterThan(0.65),
    );
  });

  it('forecasts the year after D to within 5 % of what the pools then collected', async () => {
    const run = (await (
      await post(t, '/backtests', { asOf: '2025-09-30', simulations: 300 })
    ).json()) as z.infer<typeof BacktestSchema>;
    console.log(
      `back-test at 2025-09-30, 12 months: ratio ${run.total.ratio!.toFixed(3)}, weighted MAPE over pools ${run.total.weightedMape!.toFixed(3)}, pools inside P5–P95 ${run.total.poolsInside}/${run.total.pools}, total inside ${run.total.inside}`,
    );
    expect(run.months).toBe(12);
    expect(Math.abs(run.total.ratio! - 1)).toBeLessThan(0.05);
    expect(run.total.inside).toBe(true);
  });
});
