import { describe, expect, it } from 'vitest';
import { testApp, type TestUser } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';

type T = ReturnType<typeof testApp>;

function setUp() {
  const t = testApp();
  const loanIds = insertLoans(t.db, [aBadLoan(), aBadLoan(), aBadLoan({ daysPastDue: 3 })]);
  return { ...t, loanIds };
}

const post = (
  t: T,
  path: string,
  user: TestUser,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.request(path, {
    method: 'POST',
    headers: t.as(user, { 'Content-Type': 'application/json', ...headers }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function preparedBatchId(
  t: T,
  body: object = { writeOffDate: '2026-06-30' },
): Promise<number> {
  const response = await post(t, '/write-offs', 'finance', body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { batch: { id: number } }).batch.id;
}

const count = (t: T, table: string) =>
  (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('write-off batches over HTTP', () => {
  it('prepares from the candidates, is approved by a second finance user, and posts into the ledger', async () => {
    const t = setUp();
    const prepared = await post(t, '/write-offs', 'finance', { writeOffDate: '2026-06-30' });
    expect(prepared.status).toBe(201);
    const { batch } = (await prepared.json()) as { batch: { id: number } };
    expect(batch).toMatchObject({
      state: 'draft',
      loans: 2,
      principal: '16000.00',
      claim: '17300.00',
      preparedBy: 'finance@demo.local',
    });
    const approved = await post(t, `/write-offs/${batch.id}/approve`, 'checker');
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      state: 'approved',
      approvedAt: '2026-06-30T09:00:00.000Z',
    });
    const posted = await post(t, `/write-offs/${batch.id}/post`, 'finance');
    expect(posted.status).toBe(200);
    const { entryId } = (await posted.json()) as { entryId: number };
    const entry = await t.app.request(`/ledger/entries/${entryId}?limit=3`, {
      headers: t.as('finance'),
    });
    expect(await entry.json()).toMatchObject({
      kind: 'write_off',
      sourceRef: `write_off_batch:${batch.id}`,
      lines: [{ lineNo: 1 }, { lineNo: 2 }, { lineNo: 3 }],
      nextCursor: '3',
    });
    const items = await t.app.request(`/write-offs/${batch.id}/items?limit=1`, {
      headers: t.as('checker'),
    });
    expect(await items.json()).toMatchObject({
      items: [{ loanId: t.loanIds[0], claim: '8650.00', reasonCodes: ['dpd_threshold'] }],
      nextCursor: expect.any(Number),
    });
    const list = await t.app.request('/write-offs?state=posted', { headers: t.as('finance') });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses approval by the preparer with 403, naming maker-checker', async () => {
    const t = setUp();
    const id = await preparedBatchId(t);
    const response = await post(t, `/write-offs/${id}/approve`, 'finance');
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      detail: expect.stringContaining('maker-checker'),
    });
  });

  it('rejects before posting, and then refuses to post (409)', async () => {
    const t = setUp();
    const id = await preparedBatchId(t);
    const rejected = await post(t, `/write-offs/${id}/reject`, 'checker', {
      reason: 'allowance not raised yet',
    });
    expect(await rejected.json()).toMatchObject({
      state: 'rejected',
      rejectionReason: 'allowance not raised yet',
    });
    expect((await post(t, `/write-offs/${id}/post`, 'finance')).status).toBe(409);
    expect((await post(t, `/write-offs/${id}/reject`, 'checker', { reason: 'again' })).status).toBe(
      409,
    );
  });

  it('answers 404 for an unknown batch and 422 naming each refused loan', async () => {
    const t = setUp();
    expect((await post(t, '/write-offs/99/approve', 'checker')).status).toBe(404);
    expect((await t.app.request('/write-offs/99', { headers: t.as('finance') })).status).toBe(404);
    const refused = await post(t, '/write-offs', 'finance', {
      writeOffDate: '2026-06-30',
      loanIds: [t.loanIds[2], 'NOPE'],
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: [
        { field: 'json.loanIds.0', message: expect.stringContaining('state a reason') },
        { field: 'json.loanIds.1', message: 'no such loan' },
      ],
    });
    const invalid = await post(t, '/write-offs', 'finance', { loanIds: [] });
    expect(
      ((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort(),
    ).toEqual(['json.loanIds', 'json.writeOffDate']);
  });
});

describe('idempotency of approving and posting', () => {
  it('returns the first result for a repeated post with the same key, and books once', async () => {
    const t = setUp();
    const id = await preparedBatchId(t);
    const key = { 'Idempotency-Key': 'approve-1' };
    const first = await post(t, `/write-offs/${id}/approve`, 'checker', undefined, key);
    const again = await post(t, `/write-offs/${id}/approve`, 'checker', undefined, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const posts = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        post(t, `/write-offs/${id}/post`, 'finance', undefined, { 'Idempotency-Key': 'post-1' }),
      ),
    );
    expect(posts.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(posts.map((response) => response.json()));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(
      posts.filter((response) => response.headers.get('Idempotent-Replayed') === 'true'),
    ).toHaveLength(4);
    expect(count(t, 'journal_entries')).toBe(1);
    expect(count(t, 'off_balance_register')).toBe(2);
  });

  it('posts once under concurrent requests without a shared key: the others get 409', async () => {
    const t = setUp();
    const id = await preparedBatchId(t);
    await post(t, `/write-offs/${id}/approve`, 'checker');
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(
        async (n) =>
          (
            await post(t, `/write-offs/${id}/post`, 'finance', undefined, {
              'Idempotency-Key': `k-${n}`,
            })
          ).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409, 409, 409]);
    expect(count(t, 'journal_entries')).toBe(1);
  });

  it('refuses a key reused for a different request (422), and a prepare repeated with its key makes one batch', async () => {
    const t = setUp();
    const key = { 'Idempotency-Key': 'prepare-1' };
    const body = { writeOffDate: '2026-06-30', loanIds: [t.loanIds[0]] };
    expect((await post(t, '/write-offs', 'finance', body, key)).status).toBe(201);
    const replay = await post(t, '/write-offs', 'finance', body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(count(t, 'write_off_batches')).toBe(1);
    const reused = await post(
      t,
      '/write-offs',
      'finance',
      { ...body, loanIds: [t.loanIds[1]] },
      key,
    );
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({
      type: 'https://errors.debt-platform.dev/idempotency_key_reused',
    });
  });
});
