import { describe, expect, it } from 'vitest';
import { insertSnapshot } from '../../src/portfolios/membership/snapshot-repository';
import { testApp, type TestUser } from '../helpers/test-app';
import { aWrittenOffLoan, insertLoans } from '../helpers/loans';
import { knownBook } from '../portfolios/book';
import { asFen } from '../../src/shared';

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

async function ok(response: Response | Promise<Response>, status = 200): Promise<Json> {
  const answered = await response;
  const body = (await answered.json()) as Json;
  expect(answered.status, JSON.stringify(body)).toBe(status);
  return body;
}

const create = (t: T, body: Json = {}) =>
  ok(
    send(t, 'POST', '/portfolios', 'risk', { name: 'Q2', cutOffDate: '2026-06-30', ...body }),
    201,
  );
const move = (t: T, id: number, to: string) =>
  send(t, 'POST', `/portfolios/${id}/transitions`, 'risk', { to });
const loanIdsOf = async (t: T, id: number) =>
  ((await ok(send(t, 'GET', `/portfolios/${id}/loans?limit=1000`, 'risk'))).items as Json[]).map(
    (item) => item.loanId,
  );

describe('the portfolio lifecycle', () => {
  it('moves by hand only to locked, closed or withdrawn: offered, awarded and sold are steps of the sale (422)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t);
    expect((await ok(move(t, id, 'locked'))).status).toBe('locked');
    for (const to of ['offered', 'awarded', 'sold'])
      expect((await move(t, id, to)).status).toBe(422);
    const audit = t.db.$client
      .prepare(
        "select detail from audit_events where action = 'portfolio.transitioned' order by id",
      )
      .all() as { detail: string }[];
    expect(audit.map((event) => JSON.parse(event.detail).to)).toEqual(['locked']);
  });

  it('answers an invalid transition with 409 problem+json naming the allowed ones', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t);
    const skip = await move(t, id, 'closed');
    expect(skip.status).toBe(409);
    expect(skip.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await skip.json()).toMatchObject({
      status: 409,
      portfolioStatus: 'draft',
      allowed: ['locked', 'withdrawn'],
    });
    await move(t, id, 'withdrawn');
    expect(await (await move(t, id, 'locked')).json()).toMatchObject({
      status: 409,
      detail: expect.stringContaining('it is final'),
    });
  });

  it('refuses to lock a portfolio whose every loan is excluded (409)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t, {
      criteria: { includeLoanIds: ['K-C', 'K-D'], products: ['none'] },
    });
    expect((await move(t, id, 'locked')).status).toBe(409);
  });

  it('lets a withdrawn portfolio’s loans go to another portfolio', async () => {
    const t = testApp();
    knownBook(t.db);
    const first = await create(t);
    expect(
      (await send(t, 'POST', '/portfolios', 'risk', { name: 'again', cutOffDate: '2026-06-30' }))
        .status,
    ).toBe(422);
    await move(t, first.id, 'withdrawn');
    expect((await create(t)).loans).toBe(5);
  });
});

describe('membership', () => {
  it('changes in a draft: loans added are snapshotted and screened, loans removed leave', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t, { criteria: { provinces: ['广东'] } });
    expect(await loanIdsOf(t, id)).toEqual(['K-A', 'K-C', 'K-D']);
    const changed = await ok(
      send(t, 'PATCH', `/portfolios/${id}/loans`, 'risk', {
        add: ['K-B', 'K-E'],
        remove: ['K-C', 'K-D'],
      }),
    );
    expect(changed).toMatchObject({
      added: 2,
      removed: 2,
      changes: [],
      screening: { eligible: 2, flagged: 1, excluded: 0 },
    });
    expect(await loanIdsOf(t, id)).toEqual(['K-A', 'K-B', 'K-E']);
  });

  it('refuses loans that cannot be added or are not there to remove (422)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t, { criteria: { provinces: ['广东'] } });
    const refused = await send(t, 'PATCH', `/portfolios/${id}/loans`, 'risk', {
      add: ['K-A', 'K-G', 'K-B', 'K-B'],
      remove: ['K-E'],
    });
    expect(refused.status).toBe(422);
    expect(
      ((await refused.json()) as Json).errors.map((error: Json) => [error.field, error.message]),
    ).toEqual([
      ['json.add.0', 'the loan is already in this portfolio'],
      ['json.add.1', 'the loan is already sold'],
      ['json.add.3', 'the loan is listed twice'],
      ['json.remove.0', 'the loan is not in this portfolio'],
    ]);
  });

  it('is frozen once locked: the service answers 409, the database refuses changes to the snapshot, the repository refuses new rows', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t);
    await move(t, id, 'locked');
    expect(
      (await send(t, 'PATCH', `/portfolios/${id}/loans`, 'risk', { remove: ['K-A'] })).status,
    ).toBe(409);
    expect((await send(t, 'POST', `/portfolios/${id}/split`, 'risk', { lots: 2 })).status).toBe(
      409,
    );
    const raw = t.db.$client;
    expect(() =>
      raw
        .prepare(
          'update portfolio_loans set claim_fen = claim_fen + 1, principal_fen = principal_fen + 1 where portfolio_id = ?',
        )
        .run(id),
    ).toThrow(/snapshot of a portfolio that has left draft cannot change/);
    expect(() => raw.prepare('delete from portfolio_loans where portfolio_id = ?').run(id)).toThrow(
      /only from a draft portfolio/,
    );
    expect(() =>
      insertSnapshot(t.db, {
        portfolioId: id,
        cutOffDate: '2026-06-30',
        loanIds: ['K-H'],
        screeningId: 1,
      }),
    ).toThrow(/only a draft portfolio; portfolio 1 is locked/);
    expect(await loanIdsOf(t, id)).toEqual(['K-A', 'K-B', 'K-C', 'K-D', 'K-E']);
  });

  it('never takes back a loan it let go of', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t);
    await move(t, id, 'withdrawn');
    expect(() =>
      t.db.$client.prepare('update portfolio_loans set active = 1 where portfolio_id = ?').run(id),
    ).toThrow(/cannot become active again/);
  });
});

describe('lots', () => {
  it('split a draft by a dimension into draft lots linked to it; the parent keeps its excluded loans on record', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t);
    const split = await ok(
      send(t, 'POST', `/portfolios/${id}/split`, 'risk', { by: 'charge_off_age' }),
      201,
    );
    expect(split.parent).toMatchObject({ id, status: 'split' });
    expect(
      split.lots.map((lot: Json) => [lot.lotLabel, lot.status, lot.parentId, lot.loans, lot.claim]),
    ).toEqual([
      ['charge_off_age: secondary', 'draft', id, 2, '13300.00'],
      ['charge_off_age: tertiary', 'draft', id, 1, '20650.00'],
    ]);
    const [secondary, tertiary] = split.lots as Json[];
    expect(await loanIdsOf(t, secondary!.id)).toEqual(['K-A', 'K-E']);
    expect(await loanIdsOf(t, tertiary!.id)).toEqual(['K-B']);
    const lot = await ok(send(t, 'GET', `/portfolios/${secondary!.id}`, 'risk'));
    expect(lot.summary).toMatchObject({
      loans: 2,
      eligible: 1,
      flagged: { loans: 1, reasons: [{ id: 'near_time_bar' }] },
      excluded: { loans: 0 },
    });
    expect(lot.screening).toMatchObject({
      asOf: '2026-06-30',
      eligible: 1,
      flagged: 1,
      excluded: 0,
      inheritedFromId: expect.any(Number),
    });
    const parent = await ok(send(t, 'GET', `/portfolios/${id}`, 'risk'));
    expect(parent.lots.map((l: Json) => l.id)).toEqual([secondary!.id, tertiary!.id]);
    expect((await ok(send(t, 'GET', `/portfolios?parentId=${id}`, 'risk'))).items).toHaveLength(2);
    expect(parent.summary.excluded.loans).toBe(2);
    expect(
      (await create(t, { criteria: { includeLoanIds: ['K-C'], products: ['none'] } })).loans,
    ).toBe(1);
  });

  it('split into N lots of near-equal claim that mirror the mix of the whole', async () => {
    const t = testApp();
    const products = ['credit_card', 'cash_loan', 'consumer_loan'];
    const loans = Array.from({ length: 600 }, (_, i) =>
      aWrittenOffLoan({
        product: products[i % 3],
        principalFen: asFen(100_000 + ((i * 7919) % 3_000_000)),
        chargeOffDate: i % 2 ? '2025-06-30' : '2024-06-30',
        daysPastDue: 515,
      }),
    );
    insertLoans(t.db, loans);
    const { id } = await create(t);
    const split = await ok(
      send(
        t,
        'POST',
        `/portfolios/${id}/split`,
        'risk',
        { lots: 3, stratifyBy: ['product', 'charge_off_age'] },
        { 'Idempotency-Key': 'split-1' },
      ),
      201,
    );
    const claims = split.lots.map((lot: Json) => Number(lot.claim));
    const total = claims.reduce((a: number, b: number) => a + b, 0);
    for (const claim of claims) expect(Math.abs(claim / (total / 3) - 1)).toBeLessThan(0.005);
    const whole = await ok(send(t, 'GET', `/portfolios/${id}/strats?by=product`, 'risk'));
    for (const lot of split.lots as Json[]) {
      const mix = await ok(send(t, 'GET', `/portfolios/${lot.id}/strats?by=product`, 'risk'));
      for (const row of mix.rows as Json[])
        expect(
          Math.abs(row.claimPct - whole.rows.find((w: Json) => w.key === row.key).claimPct),
        ).toBeLessThan(1);
    }
    const replay = await send(
      t,
      'POST',
      `/portfolios/${id}/split`,
      'risk',
      { lots: 3, stratifyBy: ['product', 'charge_off_age'] },
      { 'Idempotency-Key': 'split-1' },
    );
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual(split);
  });

  it('refuse a split that makes one lot, or more lots than loans (422)', async () => {
    const t = testApp();
    knownBook(t.db);
    const { id } = await create(t, { criteria: { provinces: ['广东'] } });
    expect(
      (await send(t, 'POST', `/portfolios/${id}/split`, 'risk', { by: 'province' })).status,
    ).toBe(422);
    expect((await send(t, 'POST', `/portfolios/${id}/split`, 'risk', { lots: 2 })).status).toBe(
      422,
    );
    expect((await send(t, 'POST', `/portfolios/${id}/split`, 'risk', { lots: 1 })).status).toBe(
      422,
    );
  });
});
