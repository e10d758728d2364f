import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/shared/clock';
import { testApp } from '../helpers/test-app';

const jsonHeaders = { 'Content-Type': 'application/json' };

function post(path: string, body: unknown, headers: Record<string, string>) {
  return {
    path,
    init: { method: 'POST', body: JSON.stringify(body), headers: { ...jsonHeaders, ...headers } },
  };
}

async function createRiskUserWithToken(t: ReturnType<typeof testApp>, tokenBody: object = {}) {
  const user = post(
    '/users',
    { name: 'Li Lei', email: 'li.lei@lender.cn', role: 'risk' },
    t.as('admin'),
  );
  const created = await t.app.request(user.path, user.init);
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const issue = post(`/users/${id}/tokens`, tokenBody, t.as('admin'));
  const issued = await t.app.request(issue.path, issue.init);
  expect(issued.status).toBe(201);
  return (await issued.json()) as { id: number; token: string; prefix: string };
}

describe('users and tokens', () => {
  it('lets an admin create a user and issue a token that then identifies that user', async () => {
    const t = testApp();
    const issued = await createRiskUserWithToken(t, { label: 'laptop' });
    expect(issued.token).toMatch(/^dpp_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(issued.prefix)).toBe(true);
    const me = await t.app.request('/me', { headers: { Authorization: `Bearer ${issued.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: 'li.lei@lender.cn',
      role: 'risk',
      buyerOrganisation: null,
    });
  });

  it('refuses user management to other roles (403) and to anonymous callers (401)', async () => {
    const t = testApp();
    const asRisk = post('/users', { name: 'X', email: 'x@y.cn', role: 'risk' }, t.as('risk'));
    expect((await t.app.request(asRisk.path, asRisk.init)).status).toBe(403);
    const anonymous = post('/users', { name: 'X', email: 'x@y.cn', role: 'risk' }, {});
    const response = await t.app.request(anonymous.path, anonymous.init);
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('requires a buyer user to belong to an existing buyer organisation, and only buyers', async () => {
    const t = testApp();
    const noOrg = post('/users', { name: 'B', email: 'b@amc.cn', role: 'buyer' }, t.as('admin'));
    const missing = await t.app.request(noOrg.path, noOrg.init);
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: [{ field: 'json.buyerOrganisationId' }] });
    const org = post(
      '/buyer-organisations',
      { name: '华融 Test AMC', type: 'amc', licenceNumber: 'L-1' },
      t.as('admin'),
    );
    const { id: orgId } = (await (await t.app.request(org.path, org.init)).json()) as {
      id: number;
    };
    const buyer = post(
      '/users',
      { name: 'B', email: 'b@amc.cn', role: 'buyer', buyerOrganisationId: orgId },
      t.as('admin'),
    );
    expect((await t.app.request(buyer.path, buyer.init)).status).toBe(201);
    const riskWithOrg = post(
      '/users',
      { name: 'R', email: 'r@l.cn', role: 'risk', buyerOrganisationId: orgId },
      t.as('admin'),
    );
    expect((await t.app.request(riskWithOrg.path, riskWithOrg.init)).status).toBe(422);
  });

  it('answers a duplicate email with 409 and a malformed body with the wrong fields', async () => {
    const t = testApp();
    const duplicate = post(
      '/users',
      { name: 'R', email: 'risk@demo.local', role: 'risk' },
      t.as('admin'),
    );
    expect((await t.app.request(duplicate.path, duplicate.init)).status).toBe(409);
    const bad = post('/users', { name: '', email: 'not-an-email', role: 'boss' }, t.as('admin'));
    const response = await t.app.request(bad.path, bad.init);
    expect(response.status).toBe(422);
    const fields = ((await response.json()) as { errors: { field: string }[] }).errors
      .map((e) => e.field)
      .sort();
    expect(fields).toEqual(['json.email', 'json.name', 'json.role']);
  });

  it('stops accepting a token once it is revoked', async () => {
    const t = testApp();
    const issued = await createRiskUserWithToken(t);
    const revoke = await t.app.request(`/tokens/${issued.id}`, {
      method: 'DELETE',
      headers: t.as('admin'),
    });
    expect(revoke.status).toBe(200);
    const me = await t.app.request('/me', { headers: { Authorization: `Bearer ${issued.token}` } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ detail: 'the bearer token has been revoked' });
  });

  it('stops accepting a token after its expiry', async () => {
    let now = '2026-06-30T09:00:00.000Z';
    const clock: Clock = { now: () => now, today: () => now.slice(0, 10) };
    const t = testApp({ clock });
    const issued = await createRiskUserWithToken(t, { expiresAt: '2026-07-01T00:00:00Z' });
    expect(
      (await t.app.request('/me', { headers: { Authorization: `Bearer ${issued.token}` } })).status,
    ).toBe(200);
    now = '2026-07-01T00:00:00.001Z';
    const expired = await t.app.request('/me', {
      headers: { Authorization: `Bearer ${issued.token}` },
    });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ detail: 'the bearer token has expired' });
  });

  it('refuses an unknown token even on a public route', async () => {
    const t = testApp();
    expect(
      (await t.app.request('/health', { headers: { Authorization: 'Bearer dpp_nonsense' } }))
        .status,
    ).toBe(401);
  });

  it('never keeps a token in clear in the database, the log or the audit trail', async () => {
    const t = testApp();
    const issued = await createRiskUserWithToken(t);
    await t.app.request('/me', { headers: { Authorization: `Bearer ${issued.token}x` } });
    const sqlite = t.db.$client;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    const everything = tables
      .map(({ name }) => JSON.stringify(sqlite.prepare(`select * from "${name}"`).all()))
      .join('\n');
    expect(everything).not.toContain(issued.token);
    expect(everything).not.toContain('demo-admin-token');
    expect(JSON.stringify(t.logs)).not.toContain(issued.token);
    expect(t.logs.some((line) => line.status === 401 && typeof line.requestId === 'string')).toBe(
      true,
    );
  });
});

describe('audit trail', () => {
  it('records user and token changes with actor and request id, searchable by target and actor', async () => {
    const t = testApp();
    const issued = await createRiskUserWithToken(t);
    const response = await t.app.request(`/audit?target=token:${issued.id}`, {
      headers: t.as('admin'),
    });
    expect(response.status).toBe(200);
    const { events } = (await response.json()) as { events: Record<string, unknown>[] };
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'token.issued',
      actor: 'admin@demo.local',
      targetType: 'token',
      requestId: expect.any(String),
    });
    const byActor = (await (
      await t.app.request('/audit?actor=admin@demo.local&from=2026-06-30&to=2026-06-30', {
        headers: t.as('admin'),
      })
    ).json()) as {
      events: { action: string }[];
    };
    expect(byActor.events.map((e) => e.action)).toEqual(['user.created', 'token.issued']);
  });

  it('is append-only: the database refuses to update or delete an audit row', async () => {
    const t = testApp();
    const sqlite = t.db.$client;
    expect(() => sqlite.prepare("update audit_events set actor = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/);
  });

  it('is for admins only', async () => {
    const t = testApp();
    expect((await t.app.request('/audit', { headers: t.as('finance') })).status).toBe(403);
  });
});
