import { describe, expect, it } from 'vitest';
import { stratDimensions } from '../../src/portfolios/strats/dimensions';
import { testApp, type TestUser } from '../helpers/test-app';
import { aWrittenOffLoan, insertLoans } from '../helpers/loans';
import { insertPayment, knownBook } from '../portfolios/book';

type T = ReturnType<typeof testApp>;
type Json = Record<string, any>;

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

async function created(t: T, body: Json = {}): Promise<Json> {
  const response = await send(t, 'POST', '/portfolios', 'risk', {
    name: 'Q2 2026 unsecured',
    cutOffDate: '2026-06-30',
    ...body,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Json;
}

const get = async (t: T, path: string, user: TestUser = 'risk') => {
  const response = await send(t, 'GET', path, user);
  expect(response.status, path).toBe(200);
  return (await response.json()) as Json;
};

const loanIdsOf = async (t: T, id: number, query = '') =>
  ((await get(t, `/portfolios/${id}/loans?limit=1000${query}`)).items as Json[]).map(
    (item) => item.loanId,
  );

describe('creating a portfolio', () => {
  it('snapshots the written-off loans at the cut-off and screens them with the rule pack', async () => {
    const t = testApp();
    knownBook(t.db);
    const portfolio = await created(t);
    expect(portfolio).toMatchObject({
      status: 'draft',
      cutOffDate: '2026-06-30',
      rulePack: { id: 'cn-personal-npl', version: 2 },
      loans: 5,
      skippedHeldElsewhere: 0,
      createdBy: 'risk@demo.local',
    });
    expect(portfolio.screening).toMatchObject({
      asOf: '2026-06-30',
      eligible: 2,
      flagged: 1,
      excluded: 2,
      changed: 0,
    });
    expect(await loanIdsOf(t, portfolio.id)).toEqual(['K-A', 'K-B', 'K-C', 'K-D', 'K-E']);
  });

  it('names, loan by loan, the verdict and every rule that fired with the pack, its version and the date', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    const { items } = await get(t, `/portfolios/${id}/loans?verdict=excluded`);
    expect(
      items.map((item: Json) => [
        item.loanId,
        item.verdict,
        item.rules.map((rule: Json) => rule.id),
      ]),
    ).toEqual([
      ['K-C', 'excluded', ['bankrupt']],
      ['K-D', 'excluded', ['product_not_transferable']],
    ]);
    expect(items[0]).toMatchObject({
      claim: '8650.00',
      rules: [
        {
          id: 'bankrupt',
          action: 'exclude',
          descriptionZh: '借款人个人破产或债务清理',
          descriptionEn: 'Borrower in personal bankruptcy or debt relief',
        },
      ],
      screening: { asOf: '2026-06-30', rulePack: 'cn-personal-npl', version: 2 },
    });
    const flagged = await get(t, `/portfolios/${id}/loans?verdict=flagged`);
    expect(flagged.items).toMatchObject([
      { loanId: 'K-E', rules: [{ id: 'near_time_bar', action: 'flag' }] },
    ]);
  });

  it('takes only the loans the criteria select, inclusive ranges, included and excluded ids', async () => {
    const t = testApp();
    knownBook(t.db);
    const byProduct = await created(t, {
      criteria: { products: ['credit_card'], provinces: ['广东', '浙江'], excludeLoanIds: ['K-C'] },
    });
    expect(await loanIdsOf(t, byProduct.id)).toEqual(['K-A', 'K-E']);
    await send(t, 'POST', `/portfolios/${byProduct.id}/transitions`, 'risk', { to: 'withdrawn' });
    const byRanges = await created(t, {
      criteria: {
        claimMin: '4650.00',
        claimMax: '8650',
        monthsSinceChargeOffMin: 12,
        monthsSinceChargeOffMax: 12,
        dpdAtChargeOffMin: 180,
        dpdAtChargeOffMax: 180,
        includeLoanIds: ['K-B'],
        excludeLoanIds: ['K-D'],
      },
    });
    expect(await loanIdsOf(t, byRanges.id)).toEqual(['K-A', 'K-B', 'K-C', 'K-E']);
    await send(t, 'POST', `/portfolios/${byRanges.id}/transitions`, 'risk', { to: 'withdrawn' });
    const byDates = await created(t, {
      criteria: {
        chargeOffDateFrom: '2024-06-30',
        chargeOffDateTo: '2024-06-30',
        litigationStatuses: ['none'],
      },
    });
    expect(await loanIdsOf(t, byDates.id)).toEqual(['K-B']);
    expect(byDates.criteria).toEqual({
      chargeOffDateFrom: '2024-06-30',
      chargeOffDateTo: '2024-06-30',
      litigationStatuses: ['none'],
    });
    expect(byRanges.criteria).toMatchObject({ claimMin: '4650.00', claimMax: '8650.00' });
  });

  it('leaves out loans another active portfolio holds, and counts them', async () => {
    const t = testApp();
    knownBook(t.db);
    const first = await created(t, { criteria: { includeLoanIds: ['K-A'], products: ['none'] } });
    expect(first.loans).toBe(1);
    const second = await created(t);
    expect(second).toMatchObject({ loans: 4, skippedHeldElsewhere: 1 });
    expect(await loanIdsOf(t, second.id)).not.toContain('K-A');
  });

  it('refuses a loan named in the criteria that is sold, not written off, unknown or held elsewhere (422)', async () => {
    const t = testApp();
    knownBook(t.db);
    await created(t, { criteria: { includeLoanIds: ['K-A'], products: ['none'] } });
    const response = await send(t, 'POST', '/portfolios', 'risk', {
      name: 'x',
      cutOffDate: '2026-06-30',
      criteria: { includeLoanIds: ['K-G', 'K-F', 'K-Z', 'K-A', 'K-H'], excludeLoanIds: ['K-Y'] },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Json).errors).toEqual([
      {
        field: 'json.criteria.includeLoanIds.0',
        value: 'K-G',
        message: 'the loan is already sold',
      },
      {
        field: 'json.criteria.includeLoanIds.1',
        value: 'K-F',
        message: 'the loan is current, not written off',
      },
      { field: 'json.criteria.includeLoanIds.2', value: 'K-Z', message: 'no such loan' },
      {
        field: 'json.criteria.includeLoanIds.3',
        value: 'K-A',
        message: 'the loan is in active portfolio 1',
      },
      {
        field: 'json.criteria.includeLoanIds.4',
        value: 'K-H',
        message: 'the loan was charged off on 2026-07-10, after the cut-off date',
      },
      { field: 'json.criteria.excludeLoanIds.0', value: 'K-Y', message: 'no such loan' },
    ]);
  });

  it('refuses a cut-off before the latest tape date, and criteria that take no loan (422)', async () => {
    const t = testApp();
    knownBook(t.db);
    const early = await send(t, 'POST', '/portfolios', 'risk', {
      name: 'x',
      cutOffDate: '2026-05-30',
    });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ errors: [{ field: 'json.cutOffDate' }] });
    const none = await send(t, 'POST', '/portfolios', 'risk', {
      name: 'x',
      cutOffDate: '2026-06-30',
      criteria: { provinces: ['西藏'] },
    });
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({
      errors: [{ field: 'json.criteria', message: 'no written-off loan meets the criteria' }],
    });
    const unknownField = await send(t, 'POST', '/portfolios', 'risk', {
      name: 'x',
      cutOffDate: '2026-06-30',
      criteria: { colour: 'red' },
    });
    expect(unknownField.status).toBe(422);
    expect(t.db.$client.prepare('select count(*) as n from portfolios').get()).toEqual({ n: 0 });
  });

  it('does it once per Idempotency-Key, and refuses the key for another request', async () => {
    const t = testApp();
    knownBook(t.db);
    const body = { name: 'once', cutOffDate: '2026-06-30' };
    const first = await send(t, 'POST', '/portfolios', 'risk', body, {
      'Idempotency-Key': 'create-1',
    });
    const again = await send(t, 'POST', '/portfolios', 'risk', body, {
      'Idempotency-Key': 'create-1',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(t.db.$client.prepare('select count(*) as n from portfolios').get()).toEqual({ n: 1 });
    const other = await send(
      t,
      'POST',
      '/portfolios',
      'risk',
      { ...body, name: 'other' },
      { 'Idempotency-Key': 'create-1' },
    );
    expect(other.status).toBe(422);
  });

  it('records the creation and the screening in the audit trail', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    const events = t.db.$client
      .prepare(
        "select action, actor from audit_events where target_type = 'portfolio' and target_id = ? order by id",
      )
      .all(String(id));
    expect(events).toEqual([
      { action: 'portfolio.created', actor: 'risk@demo.local' },
      { action: 'portfolio.screened', actor: 'risk@demo.local' },
    ]);
  });

  it('is for the risk team only: finance may read, buyers may not even read', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    expect(
      (await send(t, 'POST', '/portfolios', 'finance', { name: 'x', cutOffDate: '2026-06-30' }))
        .status,
    ).toBe(403);
    expect((await send(t, 'GET', `/portfolios/${id}`, 'finance')).status).toBe(200);
    expect((await send(t, 'GET', `/portfolios/${id}`, 'buyer')).status).toBe(403);
    expect((await send(t, 'GET', `/portfolios/${id}/strats?by=province`, 'buyer')).status).toBe(
      403,
    );
  });
});

describe('the summary and the strats', () => {
  it('sum the loans on offer as Chinese listings show them: 户数, 笔数, balances, weighted averages, exclusions with reasons', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    const { summary } = await get(t, `/portfolios/${id}`);
    expect(summary).toMatchObject({
      loans: 3,
      borrowers: 2,
      principal: '32000.00',
      interest: '1500.00',
      fee: '300.00',
      penalty: '150.00',
      claim: '33950.00',
      collectedSinceChargeOff: '500.00',
      averageClaim: '11316.67',
      waMonthsSinceChargeOff: 19.3,
      waDpd: 767.01,
      waBorrowerAgeYears: 39.04,
      eligible: 2,
      flagged: {
        loans: 1,
        claim: '4650.00',
        reasons: [{ id: 'near_time_bar', action: 'flag', loans: 1 }],
      },
      excluded: {
        loans: 2,
        claim: '17300.00',
        reasons: [
          { id: 'bankrupt', loans: 1 },
          { id: 'product_not_transferable', loans: 1 },
        ],
      },
      largestProvinceClaimPct: 60.82,
    });
    expect(summary.topProvinces.map((row: Json) => [row.key, row.claimPct])).toEqual([
      ['江苏', 60.82],
      ['广东', 25.48],
      ['浙江', 13.7],
    ]);
  });

  it('band the loans on offer as configured, with known rows', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    const balance = await get(t, `/portfolios/${id}/strats?by=balance_band`);
    expect(balance.rows.map((row: Json) => [row.key, row.loans, row.claim])).toEqual([
      ['1000.00–4999.99', 1, '4650.00'],
      ['5000.00–9999.99', 1, '8650.00'],
      ['20000.00–49999.99', 1, '20650.00'],
    ]);
    const age = await get(t, `/portfolios/${id}/strats?by=charge_off_age`);
    expect(age.rows).toEqual([
      {
        key: 'secondary',
        loans: 2,
        loansPct: 66.67,
        claim: '13300.00',
        claimPct: 39.18,
        principal: '12000.00',
        averageClaim: '6650.00',
        waMonthsSinceChargeOff: 12,
        waDpd: 545,
      },
      {
        key: 'tertiary',
        loans: 1,
        loansPct: 33.33,
        claim: '20650.00',
        claimPct: 60.82,
        principal: '20000.00',
        averageClaim: '20650.00',
        waMonthsSinceChargeOff: 24,
        waDpd: 910,
      },
    ]);
    const configured = testApp({ config: { portfolios: { balanceYuan: [0, 10_000] } } });
    knownBook(configured.db);
    const other = await created(configured);
    expect(
      (await get(configured, `/portfolios/${other.id}/strats?by=balance_band`)).rows.map(
        (row: Json) => row.key,
      ),
    ).toEqual(['0.00–9999.99', '10000.00+']);
  });

  it('have totals equal to the summary to the fen, on every dimension', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    const { summary } = await get(t, `/portfolios/${id}`);
    for (const by of stratDimensions) {
      const { totals, rows } = await get(t, `/portfolios/${id}/strats?by=${by}`);
      expect(totals, by).toEqual({
        key: 'total',
        loans: summary.loans,
        loansPct: 100,
        claim: summary.claim,
        claimPct: 100,
        principal: summary.principal,
        averageClaim: summary.averageClaim,
        waMonthsSinceChargeOff: summary.waMonthsSinceChargeOff,
        waDpd: summary.waDpd,
      });
      expect(
        rows.reduce((sum: number, row: Json) => sum + row.loans, 0),
        by,
      ).toBe(summary.loans);
    }
  });

  it('refuse an unknown dimension (422) and an unknown portfolio (404)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    expect((await send(t, 'GET', `/portfolios/${id}/strats?by=colour`, 'risk')).status).toBe(422);
    const missing = await send(t, 'GET', '/portfolios/99/strats?by=province', 'risk');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('screening again at closing (the bring-down)', () => {
  it('answers the loans whose verdict changed, keeps the history, and leaves the snapshot alone', async () => {
    const t = testApp({
      clock: { now: () => '2026-08-01T09:00:00.000Z', today: () => '2026-08-01' },
    });
    knownBook(t.db);
    const { id } = await created(t);
    t.db.$client.prepare("update loans set deceased = 1 where loan_id = 'K-A'").run();
    insertPayment(t.db, 'K-E', '2026-07-20', 465_000);
    t.db.$client
      .prepare("update loans set last_payment_date = '2026-07-20' where loan_id = 'K-E'")
      .run();
    const response = await send(t, 'POST', `/portfolios/${id}/screenings`, 'risk', {});
    expect(response.status).toBe(201);
    const run = (await response.json()) as Json;
    expect(run.screening).toMatchObject({
      asOf: '2026-08-01',
      eligible: 1,
      flagged: 0,
      excluded: 4,
      changed: 2,
    });
    expect(run.changes).toEqual([
      {
        loanId: 'K-A',
        previousVerdict: 'eligible',
        previousRules: [],
        verdict: 'excluded',
        rules: ['deceased'],
      },
      {
        loanId: 'K-E',
        previousVerdict: 'flagged',
        previousRules: ['near_time_bar'],
        verdict: 'excluded',
        rules: ['fully_recovered'],
      },
    ]);
    expect(await get(t, `/portfolios/${id}/screenings/${run.screening.id}`)).toEqual(run);
    expect((await get(t, `/portfolios/${id}/screenings`)).map((s: Json) => s.asOf)).toEqual([
      '2026-08-01',
      '2026-06-30',
    ]);
    const e = (await get(t, `/portfolios/${id}/loans?verdict=excluded`)).items.find(
      (item: Json) => item.loanId === 'K-E',
    );
    expect(e).toMatchObject({
      claim: '4650.00',
      collectedSinceChargeOff: '0.00',
      screening: { asOf: '2026-08-01' },
    });
  });

  it('refuses a date before the cut-off (422) and a portfolio that let go of its loans (409)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await created(t);
    expect(
      (await send(t, 'POST', `/portfolios/${id}/screenings`, 'risk', { asOf: '2026-06-29' }))
        .status,
    ).toBe(422);
    await send(t, 'POST', `/portfolios/${id}/transitions`, 'risk', { to: 'withdrawn' });
    expect(
      (await send(t, 'POST', `/portfolios/${id}/screenings`, 'risk', { asOf: '2026-07-01' }))
        .status,
    ).toBe(409);
  });
});

describe('a portfolio of the US pack', () => {
  it('screens with the OCC / CFPB rules', async () => {
    const t = testApp();
    insertLoans(t.db, [
      aWrittenOffLoan({ loanId: 'U-1' }),
      aWrittenOffLoan({ loanId: 'U-2', servicemember: true }),
      aWrittenOffLoan({ loanId: 'U-3', documentsComplete: false }),
    ]);
    insertPayment(t.db, 'U-1', '2025-07-01', 1_000);
    const { id, screening } = await created(t, { rulePack: 'us-debt-sale' });
    expect(screening).toMatchObject({
      rulePack: { id: 'us-debt-sale', version: 1 },
      eligible: 1,
      excluded: 2,
    });
    const { items } = await get(t, `/portfolios/${id}/loans?verdict=excluded`);
    expect(items.map((item: Json) => item.rules.map((rule: Json) => rule.id))).toEqual([
      ['servicemember'],
      ['missing_documents'],
    ]);
  });
});
