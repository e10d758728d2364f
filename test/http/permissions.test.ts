/**
 * Walks the whole permission table: every documented route × every role, plus anonymous, bad,
 * revoked and expired tokens. Generated from the OpenAPI document and the declared table, so a
 * new route without a permission entry (or not documented at all) fails here.
 */
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../db/schema';
import { isAllowed, permissions, type Action } from '../../src/access/permissions';
import { testApp } from '../helpers/test-app';

interface Operation {
  method: string;
  path: string;
  action: Action;
}

/** Routes that are deliberately outside the OpenAPI document: the document and its viewer. */
const undocumentedPublicRoutes = ['GET /openapi.json', 'GET /docs', 'GET /docs/assets/{file}'];

const probe = testApp();
const document = (await (await probe.app.request('/openapi.json')).json()) as {
  paths: Record<string, Record<string, { 'x-action'?: Action }>>;
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    action: op['x-action'] as Action,
  })),
);

/** A concrete URL for a documented path: every parameter becomes `1`. */
const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, '1');

async function call(operation: Operation, headers: Record<string, string>) {
  const t = testApp();
  const init: RequestInit = {
    method: operation.method,
    headers: { 'Content-Type': 'application/json', ...headers },
  };
  if (!['GET', 'HEAD', 'DELETE'].includes(operation.method)) init.body = '{}';
  return (await t.app.request(urlOf(operation.path), init)).status;
}

describe('the permission table', () => {
  it('has an entry for every documented operation', () => {
    for (const operation of operations) {
      expect(Object.keys(permissions), `${operation.method} ${operation.path}`).toContain(
        operation.action,
      );
    }
  });

  it('documents every route the app serves', () => {
    const served = probe.app.routes
      .filter((route) => route.method !== 'ALL')
      .map(
        (route) =>
          `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1')}`,
      );
    const documented = operations
      .map((op) => `${op.method} ${op.path}`)
      .concat(undocumentedPublicRoutes);
    expect([...new Set(served)].filter((route) => !documented.includes(route))).toEqual([]);
  });

  const cases = operations.flatMap((operation) => roles.map((role) => ({ ...operation, role })));
  it.each(cases)(
    '$method $path as $role: allowed exactly when the table says so',
    async ({ role, ...operation }) => {
      const status = await call(operation, { Authorization: `Bearer demo-${role}-token` });
      if (isAllowed(role as Role, operation.action)) expect([401, 403]).not.toContain(status);
      else expect(status).toBe(403);
    },
  );

  it.each(operations)('$method $path without a token: 401 unless public', async (operation) => {
    const status = await call(operation, {});
    if (permissions[operation.action] === 'public') expect(status).not.toBe(401);
    else expect(status).toBe(401);
  });

  it.each(operations)('$method $path with a bad token: 401', async (operation) => {
    expect(await call(operation, { Authorization: 'Bearer dpp_not-a-real-token' })).toBe(401);
  });
});

describe('dead tokens', () => {
  const guarded = operations.filter((op) => permissions[op.action] !== 'public');
  it.each(guarded)(
    '$method $path refuses a revoked or an expired token with 401',
    async (operation) => {
      for (const setup of ['revoked', 'expired'] as const) {
        let now = '2026-06-30T09:00:00.000Z';
        const t = testApp({ clock: { now: () => now, today: () => now.slice(0, 10) } });
        const role = (roles.find((r) => isAllowed(r, operation.action)) ?? 'admin') as Role;
        const user = t.db.$client
          .prepare('select id from users where role = ? limit 1')
          .get(role) as { id: number };
        const issued = (await (
          await t.app.request(`/users/${user.id}/tokens`, {
            method: 'POST',
            headers: t.as('admin', { 'Content-Type': 'application/json' }),
            body: JSON.stringify({ expiresAt: '2026-07-01T00:00:00Z' }),
          })
        ).json()) as { id: number; token: string };
        if (setup === 'revoked')
          await t.app.request(`/tokens/${issued.id}`, { method: 'DELETE', headers: t.as('admin') });
        else now = '2026-07-02T00:00:00.000Z';
        const init: RequestInit = {
          method: operation.method,
          headers: { Authorization: `Bearer ${issued.token}`, 'Content-Type': 'application/json' },
        };
        if (!['GET', 'DELETE'].includes(operation.method)) init.body = '{}';
        expect((await t.app.request(urlOf(operation.path), init)).status, setup).toBe(401);
      }
    },
  );
});
