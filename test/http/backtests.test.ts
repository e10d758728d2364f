import type { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BacktestSchema,
  BacktestSummarySchema,
} from '../../src/valuation/backtests/backtest-schemas';
import { importDemoBook } from '../../src/demo/import-book';
import { testApp, type TestUser } from '../helpers/test-app';

type T = ReturnType<typeof testApp>;

const send = (
  t: T,
  method: string,
  path: string,
  user: TestUser,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.request(path, {
    method,
    headers: t.as(user, { 'Content-Type': 'application/json', ...headers }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const yuan = (amount: string) => Number(amount);
type Backtest = z.infer<typeof BacktestSchema>;
const backtest = async (response: Response) => (await response.json()) as Backtest;

describe('POST /backtests on a 3,000-loan demo book', () => {
  let t: T;
  beforeAll(async () => {
    t = testApp({ clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' } });
    await importDemoBook(t.deps, { loans: 3_000, seed: 7, asOf: '2026-09-30' });
  });

  it('forecasts every pool charged off by D over the months to the end of the data and judges it against what it collected', async () => {
    const response = await send(t, 'POST', '/backtests', 'risk', {
      asOf: '2025-12-31',
      simulations: 200,
    });
    expect(response.status).toBe(201);
    const run = await backtest(response);
    expect(run).toMatchObject({
      name: 'Back-test at 2025-12-31',
      asOf: '2025-12-31',
      actualsThrough: '2026-09-30',
      months: 9,
      seed: 1,
      simulations: 200,
    });
    // Cohorts 2022-10 … 2025-12: the pools charged off by D.
    expect(run.pools.map((p) => p.cohort)).toHaveLength(39);
    expect(run.pools[0]?.cohort).toBe('2022-10');
    expect(run.monthly.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
    expect(sum(run.pools.map((p) => yuan(p.actual)))).toBe(yuan(run.total.actual));
    expect(sum(run.monthly.map((m) => yuan(m.actual)))).toBe(yuan(run.total.actual));
    expect(sum(run.pools.map((p) => yuan(p.predicted)))).toBe(yuan(run.total.predicted));
    for (const pool of run.pools) {
      // The ratio is of the unrounded forecast: equal to the shown amounts' to within a fen.
      expect(pool.ratio).toBeCloseTo(yuan(pool.predicted) / yuan(pool.actual), 4);
      expect(pool.inside).toBe(
        yuan(pool.band.p5) <= yuan(pool.actual) && yuan(pool.actual) <= yuan(pool.band.p95),
      );
      expect(yuan(pool.claim)).toBeLessThanOrEqual(yuan(pool.exposure));
    }
    expect(run.total.pools).toBe(39);
    expect(run.total.poolsInside).toBe(run.pools.filter((p) => p.inside).length);
    expect(run.total.ratio).toBeGreaterThan(0.85);
    expect(run.total.ratio).toBeLessThan(1.15);
    expect(run.total.bias).toBeCloseTo(run.total.ratio! - 1, 12);
    expect((await backtest(await send(t, 'GET', `/backtests/${run.id}`, 'risk'))).total).toEqual(
      run.total,
    );
  });

  it('gives the same forecast and band for the same request and seed, and another band for another seed', async () => {
    const request = { asOf: '2026-03-31', dimensions: ['product'], simulations: 100, seed: 11 };
    const first = await backtest(await send(t, 'POST', '/backtests', 'risk', request));
    const second = await backtest(await send(t, 'POST', '/backtests', 'risk', request));
    expect(second.pools).toEqual(first.pools);
    expect(second.total).toEqual(first.total);
    const reseeded = await backtest(
      await send(t, 'POST', '/backtests', 'risk', { ...request, seed: 12 }),
    );
    expect(reseeded.total.predicted).toBe(first.total.predicted);
    expect(reseeded.total.band).not.toEqual(first.total.band);
  });

  it('replays a repeated Idempotency-Key and audits the run once', async () => {
    const headers = { 'Idempotency-Key': 'backtest-1' };
    const first = await backtest(
      await send(t, 'POST', '/backtests', 'risk', { asOf: '2026-06-30', simulations: 50 }, headers),
    );
    const again = await send(
      t,
      'POST',
      '/backtests',
      'risk',
      { asOf: '2026-06-30', simulations: 50 },
      headers,
    );
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    const audits = t.db.$client
      .prepare(
        "select count(*) as n from audit_events where action = 'valuation.backtest.created' and target_id = ?",
      )
      .get(String(first.id)) as { n: number };
    expect(audits.n).toBe(1);
    const list = (await (await send(t, 'GET', '/backtests', 'risk')).json()) as (z.infer<
      typeof BacktestSummarySchema
    > & { pools?: unknown })[];
    expect(list[0]).toMatchObject({ id: first.id, asOf: '2026-06-30' });
    expect(list[0]?.pools).toBeUndefined();
  });

  it('refuses a D that is not a month end or actuals that do not come after it (422), and a D with no complete month of data after it (409)', async () => {
    const notMonthEnd = await send(t, 'POST', '/backtests', 'risk', { asOf: '2025-12-15' });
    expect(notMonthEnd.status).toBe(422);
    expect(((await notMonthEnd.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'json.asOf',
    );
    expect(
      (
        await send(t, 'POST', '/backtests', 'risk', {
          asOf: '2025-12-31',
          actualsThrough: '2025-11-30',
        })
      ).status,
    ).toBe(422);
    expect((await send(t, 'POST', '/backtests', 'risk', { asOf: '2026-09-30' })).status).toBe(409);
    expect(
      (await send(t, 'POST', '/backtests', 'risk', { asOf: '2025-12-31', simulations: 5_000 }))
        .status,
    ).toBe(422);
  });

  it('answers 404 for a back-test that does not exist and 403 to a buyer', async () => {
    expect((await send(t, 'GET', '/backtests/999', 'risk')).status).toBe(404);
    expect((await send(t, 'POST', '/backtests', 'buyer', { asOf: '2025-12-31' })).status).toBe(403);
  });
});
