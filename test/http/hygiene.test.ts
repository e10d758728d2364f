/**
 * HTTP hygiene (issue #12, item 10), walked over the route table where it can be: security headers
 * and `Cache-Control: no-store` on every answer, unknown query parameters refused, every 4xx a
 * problem+json, a limit on failed authentication, a CSP on /docs, no seller staff e-mail addresses
 * in what a buyer reads.
 */
import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../db/schema';
import { isAllowed, permissions, type Action } from '../../src/access/permissions';
import { createApp, httpServer } from '../../src/app';
import { transferTermsOf } from '../../src/shared/config';
import { testApp } from '../helpers/test-app';
import { biddingClosed, dealOnDemoBook, movableClock, settled } from '../transfer/deal';

interface Operation {
  method: string;
  path: string;
  action: Action;
}

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
/** The demo token of a role allowed to perform the action; none for public routes. */
function tokenFor(action: Action): Record<string, string> {
  if (permissions[action] === 'public') return {};
  const role = roles.find((r) => isAllowed(r as Role, action))!;
  return { Authorization: `Bearer demo-${role}-token` };
}

/**
 * Shared apps: the walks only read headers and statuses. The first walk's `{}` bodies may change
 * things (DELETE /tokens/1 revokes the admin's token), so the query walk has an app of its own.
 */
const walk = testApp();
const queryWalk = testApp();
async function call(
  operation: Operation,
  query = '',
  headers: Record<string, string> = {},
  app = walk.app,
) {
  const init: RequestInit = {
    method: operation.method,
    headers: { 'Content-Type': 'application/json', ...tokenFor(operation.action), ...headers },
  };
  if (!['GET', 'HEAD', 'DELETE'].includes(operation.method)) init.body = '{}';
  return app.request(urlOf(operation.path) + query, init);
}

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('X-Content-Type-Options'), what).toBe('nosniff');
  expect(response.headers.get('Referrer-Policy'), what).toBe('no-referrer');
  expect(response.headers.get('X-Frame-Options'), what).toBe('DENY');
  expect(response.headers.get('Content-Security-Policy'), what).toContain("frame-ancestors 'none'");
}

async function expectProblem(response: Response, what: string) {
  expect(response.headers.get('Content-Type'), what).toBe('application/problem+json');
  const problem = (await response.json()) as { status: number; type: string; detail: string };
  expect(problem.status, what).toBe(response.status);
  expect(problem.detail, what).toBeTypeOf('string');
  return problem;
}

describe('every route', () => {
  it.each(operations)(
    '$method $path: security headers, no-store, and a 4xx is problem+json',
    async (operation) => {
      const response = await call(operation);
      const what = `${operation.method} ${operation.path} → ${response.status}`;
      expectSecurityHeaders(response, what);
      if (permissions[operation.action] !== 'public')
        expect(response.headers.get('Cache-Control'), what).toBe('no-store');
      if (response.status >= 400 && response.status < 500) await expectProblem(response, what);
    },
  );

  it.each(operations)(
    '$method $path refuses an unknown query parameter with a 422 naming it',
    async (operation) => {
      const response = await call(operation, '?no_such_parameter=1', {}, queryWalk.app);
      const what = `${operation.method} ${operation.path}`;
      expect(response.status, what).toBe(422);
      const problem = (await expectProblem(response, what)) as unknown as {
        errors: { field: string }[];
      };
      expect(problem.errors.map((error) => error.field)).toContain('query.no_such_parameter');
    },
  );
});

describe('answers outside the routes', () => {
  it.each(['/openapi.json', '/docs', '/docs/assets/swagger-ui.css'])(
    '%s, outside the route table, refuses an unknown query parameter too',
    async (path) => {
      const response = await walk.app.request(`${path}?no_such_parameter=1`);
      expect(response.status).toBe(422);
      await expectProblem(response, path);
    },
  );

  it('a JSON-only route refuses format=xlsx instead of answering JSON', async () => {
    const response = await walk.app.request('/loans/delinquency?format=xlsx', {
      headers: walk.as('risk'),
    });
    expect(response.status).toBe(422);
    await expectProblem(response, 'format=xlsx');
  });

  it('a file download is no-store', async () => {
    const response = await walk.app.request(
      '/ledger/journal?from=2026-01-01&to=2026-12-31&format=xlsx',
      { headers: walk.as('finance') },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toContain('attachment');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expectSecurityHeaders(response, 'download');
  });

  it('every 4xx is problem+json: 404, 405, too large, malformed JSON, wrong type, bad encoding', async () => {
    const t = testApp({ config: { jsonBodyLimitBytes: 100 } });
    const json = t.as('finance', { 'Content-Type': 'application/json' });
    const cases: [string, Response | Promise<Response>, number][] = [
      ['unknown path', t.app.request('/no/such/thing'), 404],
      ['wrong method', t.app.request('/write-offs', { method: 'DELETE', headers: json }), 405],
      [
        'body too large',
        t.app.request('/write-offs', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ reason: 'x'.repeat(500) }),
        }),
        413,
      ],
      [
        'malformed JSON',
        t.app.request('/write-offs', { method: 'POST', headers: json, body: '{"writeOffDate":' }),
        400,
      ],
      [
        'wrong content type',
        t.app.request('/write-offs', {
          method: 'POST',
          headers: t.as('finance', { 'Content-Type': 'text/plain' }),
          body: 'writeOffDate=2026-06-30',
        }),
        415,
      ],
      ['bad percent-encoding', t.app.request('/health?x=%ZZ'), 400],
      ['truncated UTF-8 in the query', t.app.request('/health?x=%E0%A4%A'), 400],
    ];
    for (const [what, pending, status] of cases) {
      const response = await pending;
      expect(response.status, what).toBe(status);
      expectSecurityHeaders(response, what);
      await expectProblem(response, what);
    }
    const wrongMethod = await t.app.request('/write-offs', { method: 'DELETE', headers: json });
    expect(wrongMethod.headers.get('Allow')).toBe('GET, POST');
  });
});

describe('a request the HTTP server cannot read', () => {
  it('answers raw UTF-8 in the query with a 400 problem+json, not an empty body', async () => {
    const t = testApp();
    const server = httpServer(createApp(t.deps));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const raw = (target: Buffer) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(
            Buffer.concat([
              Buffer.from('GET '),
              target,
              Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
            ]),
          ),
        );
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
        socket.on('close', () => resolve(answer));
      });
    try {
      const answer = await raw(Buffer.from('/health?name=张三', 'utf8'));
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head.toLowerCase()).toContain('content-type: application/problem+json');
      expect(head.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(JSON.parse(body)).toMatchObject({
        status: 400,
        type: expect.stringContaining('bad_request'),
      });
    } finally {
      server.close();
    }
  });
});

describe('failed authentication', () => {
  /** A request from a client address (as @hono/node-server passes it). */
  const from = (t: ReturnType<typeof testApp>, address: string, token: string) =>
    t.app.request(
      '/me',
      { headers: { Authorization: `Bearer ${token}` } },
      {
        incoming: { socket: { remoteAddress: address } },
      },
    );

  it('is limited per client address: the 11th failure within a minute is a 429 with Retry-After', async () => {
    const clock = movableClock('2026-06-30T09:00:00.000Z');
    const t = testApp({ clock });
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await from(t, '10.0.0.1', `dpp_${attempt}-guess`)).status, `${attempt}`).toBe(401);
    const limited = await from(t, '10.0.0.1', 'dpp_11-guess');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(60);
    await expectProblem(limited, '429');
    // Successful requests are not limited, and other addresses are not affected.
    expect((await from(t, '10.0.0.1', 'demo-risk-token')).status).toBe(200);
    expect((await from(t, '10.0.0.2', 'dpp_12-guess')).status).toBe(401);
    // A minute later the address may try again.
    clock.set('2026-06-30T09:01:01.000Z');
    expect((await from(t, '10.0.0.1', 'dpp_13-guess')).status).toBe(401);
  });

  it('is limited per presented token prefix, whatever the address', async () => {
    const t = testApp();
    for (let attempt = 1; attempt <= 10; attempt++)
      expect((await from(t, `10.0.1.${attempt}`, 'dpp_revoked-token-in-a-loop')).status).toBe(401);
    const limited = await from(t, '10.0.1.99', 'dpp_revoked-token-in-a-loop');
    expect(limited.status).toBe(429);
    await expectProblem(limited, '429');
  });

  it('takes its limits from the configuration', async () => {
    const t = testApp({ config: { failedAuthentication: { attempts: 2, windowSeconds: 10 } } });
    expect((await from(t, '10.0.2.1', 'dpp_a')).status).toBe(401);
    expect((await from(t, '10.0.2.1', 'dpp_b')).status).toBe(401);
    const limited = await from(t, '10.0.2.1', 'dpp_c');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(10);
  });
});

describe('the API reference at /docs', () => {
  it('has a CSP that allows only its own scripts, and every script it runs is allowed by it', async () => {
    const t = testApp();
    const page = await t.app.request('/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    const scriptSources = directives.get('script-src') ?? [];
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources.join(' ')).not.toMatch(/https?:/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      if (src !== undefined) {
        expect(src.startsWith('/docs/assets/'), src).toBe(true);
        expect(scriptSources).toContain("'self'");
        expect((await t.app.request(src)).status, src).toBe(200);
      } else {
        const nonce = /nonce="([^"]+)"/.exec(attributes)?.[1];
        expect(nonce, 'an inline script carries the nonce').toBeDefined();
        expect(scriptSources).toContain(`'nonce-${nonce}'`);
      }
    }
    const again = (await (await t.app.request('/docs')).text()).match(/nonce="([^"]+)"/)?.[1];
    expect(again).not.toBe(/nonce="([^"]+)"/.exec(html)?.[1]);
  });
});

describe('what a buyer reads', () => {
  it("names the seller, never a member of the seller's staff by e-mail address", async () => {
    const deal = await dealOnDemoBook(150);
    const { demoBid } = await biddingClosed(deal, { demo: '30000.00' });
    const { sale } = await settled(deal, demoBid);
    const loanId = (
      deal.t.db.$client
        .prepare('select loan_id as loanId from sale_allocations where sale_id = ? limit 1')
        .get(sale.id) as { loanId: string }
    ).loanId;
    const asked = await deal.call('buyer', 'POST', `/buyer/sales/${sale.id}/put-backs`, {
      loanId,
      reason: 'deceased',
    });
    await deal.call(
      'finance',
      'POST',
      `/sales/${sale.id}/put-backs/${asked.id}/decision`,
      { decision: 'reject', note: 'no certificate' },
      200,
    );
    const staff = deal.t.db.$client
      .prepare("select email from users where role <> 'buyer'")
      .all() as { email: string }[];
    const id = deal.portfolioId;
    const reads = [
      '/buyer/portfolios',
      `/buyer/portfolios/${id}`,
      `/buyer/portfolios/${id}/bid-rounds`,
      '/buyer/sales',
      `/buyer/sales/${sale.id}/put-backs`,
      `/buyer/sales/${sale.id}/forwarding`,
    ];
    const sellerName = transferTermsOf(deal.t.deps.config).sellerName;
    const answers: string[] = [];
    for (const path of reads) {
      const response = await deal.send('buyer', 'GET', path);
      expect(response.status, path).toBe(200);
      answers.push(await response.text());
    }
    const room = await deal.send('buyer', 'GET', `/buyer/portfolios/${id}/data-room`);
    expect(room.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await room.arrayBuffer());
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => answers.push(JSON.stringify(row.values ?? []))),
    );
    answers.push(
      JSON.stringify(workbook.creator ?? ''),
      JSON.stringify(workbook.lastModifiedBy ?? ''),
    );
    const all = answers.join('\n');
    for (const { email } of staff) expect(all, email).not.toContain(email);
    // Where an answer says who did something, it says the seller did.
    expect(JSON.parse(answers[1]!)).toMatchObject({
      createdBy: sellerName,
      screening: { screenedBy: sellerName },
    });
    expect(JSON.parse(answers[4]!)[0]).toMatchObject({ decidedBy: sellerName });
  });
});
