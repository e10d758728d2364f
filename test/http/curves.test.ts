import type { z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CurveSetSchema,
  CurveSetSummarySchema,
  SegmentTriangleSchema,
} from '../../src/valuation/curves/curve-schemas';
import { importDemoBook } from '../../src/demo/import-book';
import { mackSummary } from '../../src/valuation/maths/mack-summary';
import { cumulativeTriangle } from '../valuation/published-triangle';
import { asFen, parseFen } from '../../src/shared';
import { testApp, type TestUser } from '../helpers/test-app';
import { aWrittenOffLoan, insertLoans } from '../helpers/loans';

type T = ReturnType<typeof testApp>;
type Problem = { detail: string; errors: { field: string }[] };
const body = async <B>(response: Response) => (await response.json()) as B;
const curveSet = body<z.infer<typeof CurveSetSchema>>;
const curveSets = body<(z.infer<typeof CurveSetSummarySchema> & { segments?: unknown })[]>;

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

/** A fresh app on a 2,000-loan demo book as of 2026-09-30 (48 monthly charge-off cohorts). */
async function demoApp(): Promise<T> {
  const t = testApp({
    clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' },
  });
  await importDemoBook(t.deps, { loans: 2_000, seed: 42, asOf: '2026-09-30' });
  return t;
}

describe('POST /curves and GET /curves/{id}', () => {
  let t: T;
  beforeAll(async () => {
    t = await demoApp();
  });

  it('fits a curve per product, credibility-weighted toward the book, and stores it with its triangles', async () => {
    const response = await send(t, 'POST', '/curves', 'risk', {
      name: 'by product',
      dimensions: ['product'],
    });
    expect(response.status).toBe(201);
    const set = await curveSet(response);
    expect(set).toMatchObject({
      name: 'by product',
      asOf: '2026-09-30',
      cohort: 'month',
      method: 'additive',
      horizonMonths: 120,
      credibilityK: 500,
    });
    expect(set.segments.map((s) => s.segment)).toEqual([
      'product=cash_loan',
      'product=consumer_loan',
      'product=credit_card',
      'product=small_business',
    ]);
    for (const segment of set.segments) {
      expect(segment.credibility).toBeCloseTo(segment.accounts / (segment.accounts + 500), 12);
      expect(segment.gross).toHaveLength(120);
      expect(segment.net[10]).toBeLessThan(segment.gross[10]!);
      expect(segment.cumulativeGross[119]).toBeCloseTo(
        segment.gross.reduce((a, b) => a + b, 0),
        12,
      );
    }
    expect(set.book.credibility).toBe(1);
    expect(set.triangles.gross.cohorts).toHaveLength(48);
    expect(set.triangles.gross.incremental[0]).toHaveLength(48);
    // 2022-10 … 2026-09: the tape date ends September, so the newest cohort has lived its month of charge-off.
    expect(set.triangles.gross.cohorts.at(-1)).toBe('2026-09');
    expect(set.triangles.gross.incremental.at(-1)?.filter((v) => v !== null)).toHaveLength(1);
    expect(set.costModel.commissionRateByChannel.agency).toBeGreaterThan(0.25);
    expect(set.costModel.commissionRateByChannel.agency).toBeLessThan(0.4);

    const stored = await send(t, 'GET', `/curves/${set.id}`, 'risk');
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(set);
  });

  it("gives a chain-ladder curve set Mack's ultimate, standard error and CV per cohort and in total, and none to an additive one", async () => {
    const response = await send(t, 'POST', '/curves', 'risk', {
      name: 'chain ladder',
      method: 'chain_ladder',
      cohort: 'quarter',
    });
    expect(response.status).toBe(201);
    const set = await curveSet(response);
    const mack = set.mack!;
    expect(mack).not.toBeNull();
    const gross = set.triangles.gross;
    expect(mack.cohorts.map((c) => c.cohort)).toEqual(gross.cohorts);
    expect(mack.throughAge).toBe(gross.ages.at(-1));
    const fen = (yuan: string) => parseFen(yuan)!;
    for (const cohort of mack.cohorts) {
      // Each figure is rounded to the fen on its own.
      expect(
        Math.abs(fen(cohort.remaining) - (fen(cohort.ultimate) - fen(cohort.latest))),
      ).toBeLessThanOrEqual(1);
      const se = fen(cohort.standardError);
      const parts = Math.hypot(
        fen(cohort.processStandardError),
        fen(cohort.parameterStandardError),
      );
      expect(Math.abs(se - parts)).toBeLessThanOrEqual(1.5);
      if (fen(cohort.remaining) > 0) expect(cohort.cv).toBeCloseTo(se / fen(cohort.remaining), 4);
    }
    // The oldest quarter is fully developed; the younger ones still have something to come.
    expect(mack.cohorts[0]).toMatchObject({ standardError: '0.00', cv: null });
    expect(fen(mack.total.standardError)).toBeGreaterThan(0);
    expect(mack.total.cv).toBeGreaterThan(0);
    const sum = (pick: (c: (typeof mack.cohorts)[number]) => string) =>
      mack.cohorts.reduce((total, c) => total + fen(pick(c)), 0);
    expect(Math.abs(sum((c) => c.ultimate) - fen(mack.total.ultimate))).toBeLessThanOrEqual(
      mack.cohorts.length,
    );
    // The same figures as Mack's method on the stored triangle in fen, cumulated.
    const cumulative = gross.cumulative.map((row, i) =>
      row.map((rate) => (rate === null ? null : Math.round(rate * fen(gross.exposure[i]!)))),
    );
    const direct = mackSummary(cumulativeTriangle(gross.cohorts, cumulative), {
      sigma: 'log-linear',
    });
    expect(fen(mack.total.standardError)).toBe(Math.round(direct.total.se));
    expect(fen(mack.total.ultimate)).toBe(Math.round(direct.total.ultimate));

    const stored = await send(t, 'GET', `/curves/${set.id}`, 'risk');
    expect((await curveSet(stored)).mack).toEqual(mack);
    const additive = await send(t, 'POST', '/curves', 'risk', { name: 'additive' });
    expect((await curveSet(additive)).mack).toBeNull();
  });

  it('stores the same numbers when fitted twice on the same inputs', async () => {
    const request = {
      name: 'twice',
      dimensions: ['balance_band', 'region'],
      method: 'chain_ladder',
      cohort: 'quarter',
      horizonMonths: 84,
    };
    const first = await curveSet(await send(t, 'POST', '/curves', 'risk', request));
    const second = await curveSet(await send(t, 'POST', '/curves', 'risk', request));
    expect(second.id).not.toBe(first.id);
    expect({ ...second, id: first.id }).toEqual(first);
  });

  it('keeps a stored curve set as it was: the database refuses to change or delete it', async () => {
    const set = await curveSet(await send(t, 'POST', '/curves', 'risk', { name: 'kept' }));
    expect(() =>
      t.db.$client.prepare("update curve_sets set curves = '{}' where id = ?").run(set.id),
    ).toThrow(/immutable/);
    expect(() => t.db.$client.prepare('delete from curve_sets where id = ?').run(set.id)).toThrow(
      /immutable/,
    );
  });

  it('lists curve sets newest first without their curves', async () => {
    const list = await curveSets(await send(t, 'GET', '/curves', 'risk'));
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list[0]!.id).toBeGreaterThan(list[1]!.id);
    expect(list[0]!.segments).toBeUndefined();
  });

  it('replays a repeated Idempotency-Key without storing twice, and refuses the key for another request', async () => {
    const before = (await curveSets(await send(t, 'GET', '/curves', 'risk'))).length;
    const headers = { 'Idempotency-Key': 'curves-1' };
    const first = await send(t, 'POST', '/curves', 'risk', { name: 'once' }, headers);
    const again = await send(t, 'POST', '/curves', 'risk', { name: 'once' }, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await curveSets(await send(t, 'GET', '/curves', 'risk'))).length).toBe(before + 1);
    const other = await send(t, 'POST', '/curves', 'risk', { name: 'other' }, headers);
    expect(other.status).toBe(422);
  });

  it('records who fitted the curve set in the audit trail', async () => {
    const set = await curveSet(await send(t, 'POST', '/curves', 'risk', { name: 'audited' }));
    const event = t.db.$client
      .prepare(
        "select actor, action, detail from audit_events where target_type = 'curve_set' and target_id = ?",
      )
      .get(String(set.id)) as { actor: string; action: string; detail: string };
    expect(event.action).toBe('valuation.curve_set.created');
    expect(event.actor).toContain('risk');
    expect(JSON.parse(event.detail)).toMatchObject({
      name: 'audited',
      method: 'additive',
      segments: 1,
    });
  });

  it('refuses an unknown dimension, a horizon other than 84, 120 or 180 and an inverted window with 422', async () => {
    const response = await send(t, 'POST', '/curves', 'risk', {
      name: 'bad',
      dimensions: ['colour'],
      horizonMonths: 100,
    });
    expect(response.status).toBe(422);
    const fields = (await body<Problem>(response)).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['json.dimensions.0', 'json.horizonMonths']));
    const inverted = await send(t, 'POST', '/curves', 'risk', {
      name: 'bad',
      chargeOffFrom: '2025-01-01',
      chargeOffTo: '2024-01-01',
    });
    expect(inverted.status).toBe(422);
  });

  it('answers 409 when the history up to the date has no complete month to fit', async () => {
    const response = await send(t, 'POST', '/curves', 'risk', {
      name: 'too early',
      asOf: '2022-10-15',
    });
    expect(response.status).toBe(409);
    expect((await body<Problem>(response)).detail).toContain(
      'no charge-off cohort has a complete month',
    );
  });

  it('answers 404 for a curve set that does not exist and 403 to a finance user', async () => {
    expect((await send(t, 'GET', '/curves/999', 'risk')).status).toBe(404);
    expect((await send(t, 'POST', '/curves', 'finance', { name: 'x' })).status).toBe(403);
  });
});

describe('GET /curves/triangle', () => {
  it('gives a segment collections per unit of its charged-off balance, loans settled since included', async () => {
    const t = testApp();
    insertLoans(t.db, [
      aWrittenOffLoan({
        loanId: 'A',
        product: 'credit_card',
        chargeOffDate: '2025-01-10',
        chargeOffFen: asFen(100_000),
      }),
      aWrittenOffLoan({
        loanId: 'B',
        product: 'credit_card',
        chargeOffDate: '2025-01-20',
        chargeOffFen: asFen(300_000),
        status: 'settled',
        daysPastDue: 0,
      }),
      aWrittenOffLoan({
        loanId: 'C',
        product: 'cash_loan',
        chargeOffDate: '2025-01-15',
        chargeOffFen: asFen(50_000),
      }),
    ]);
    const event = t.db.$client.prepare(
      'insert into collection_events (loan_id, event_date, event_type, amount_fen, payment_channel, cost_kind) values (?, ?, ?, ?, ?, ?)',
    );
    event.run('A', '2025-01-25', 'payment', 1_000, 'in_house', null);
    event.run('B', '2025-02-03', 'payment', 3_000, 'agency', null);
    event.run('B', '2025-02-03', 'cost', 900, null, 'agency_commission');
    event.run('C', '2025-02-05', 'payment', 7_000, 'in_house', null);
    const query = (basis: string) =>
      send(
        t,
        'GET',
        `/curves/triangle?as_of=2025-03-31&product=credit_card&basis=${basis}`,
        'risk',
      );
    const gross = await body<z.infer<typeof SegmentTriangleSchema>>(await query('gross'));
    expect(gross).toMatchObject({
      asOf: '2025-03-31',
      segment: { product: 'credit_card' },
      cohorts: ['2025-01'],
      ages: [0, 1, 2],
      exposure: ['4000.00'],
      accounts: [2],
    });
    expect(gross.incremental).toEqual([[0.0025, 0.0075, 0]]);
    expect(gross.cumulative).toEqual([[0.0025, 0.01, 0.01]]);
    const net = await body<z.infer<typeof SegmentTriangleSchema>>(await query('net'));
    expect(net.incremental[0]?.[1]).toBeCloseTo((3_000 - 900) / 400_000, 12);
  });

  it('answers 409 for a segment without a complete month of history', async () => {
    const t = testApp();
    insertLoans(t.db, [aWrittenOffLoan({ product: 'credit_card' })]);
    expect((await send(t, 'GET', '/curves/triangle?product=mortgage', 'risk')).status).toBe(409);
  });
});
