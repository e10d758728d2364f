/**
 * Idempotency keys belong to the user who sent them, and concurrent requests with one key wait for
 * the first and get its answer (issue #12, item 6).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { seedDemoUsers } from '../../src/access/demo-users';
import { createApp } from '../../src/app';
import { fixedClock } from '../../src/shared/clock';
import { defaultConfig } from '../../src/shared/config';
import { requestHash } from '../../src/shared/idempotency';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { aTapeRow, csvOf } from '../imports/files';

type T = ReturnType<typeof testApp>;

const postTape = (t: T, csv: string, key: string, token = 'demo-risk-token') =>
  t.app.request('/loans/import', {
    method: 'POST',
    body: csv,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'text/csv',
      'Idempotency-Key': key,
    },
  });

const count = (t: T, sql: string) => (t.db.$client.prepare(sql).get() as { n: number }).n;

/** A second user of `role`, with a token of its own. */
async function anotherUser(t: T, role: 'risk' | 'finance', email: string): Promise<string> {
  const user = (await (
    await t.app.request('/users', {
      method: 'POST',
      headers: t.as('admin', { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ name: email, email, role }),
    })
  ).json()) as { id: number };
  const issued = (await (
    await t.app.request(`/users/${user.id}/tokens`, {
      method: 'POST',
      headers: t.as('admin', { 'Content-Type': 'application/json' }),
      body: '{}',
    })
  ).json()) as { token: string };
  return issued.token;
}

describe('concurrent requests with one Idempotency-Key', () => {
  it('imports a tape once when 20 retries arrive at once: one 201, 19 replays of the same body', async () => {
    const t = testApp();
    const csv = csvOf([aTapeRow(), aTapeRow({ loan_id: 'L0002' })]);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postTape(t, csv, 'tape-retry')),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const replayed = answers.filter((a) => a.headers.get('Idempotent-Replayed') === 'true');
    expect(replayed).toHaveLength(19);
    expect(new Set(bodies).size).toBe(1);
    expect(count(t, 'select count(*) as n from loans')).toBe(2);
    expect(count(t, 'select count(*) as n from file_imports')).toBe(1);
  });

  it('answers a concurrent request with the key and another file 422 once the first is done', async () => {
    const t = testApp();
    const [first, second] = await Promise.all([
      postTape(t, csvOf([aTapeRow()]), 'tape-x'),
      postTape(t, csvOf([aTapeRow({ loan_id: 'OTHER' })]), 'tape-x'),
    ]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(422);
    expect(((await second.json()) as { type: string }).type).toContain('idempotency_key_reused');
    expect(count(t, 'select count(*) as n from loans')).toBe(1);
  });

  it('lets the retry run when the first attempt was rejected (no answer was stored)', async () => {
    const t = testApp();
    const bad = csvOf([aTapeRow({ national_id: 'nonsense' })]);
    const [first, second] = await Promise.all([
      postTape(t, bad, 'tape-bad'),
      postTape(t, bad, 'tape-bad'),
    ]);
    expect([first.status, second.status]).toEqual([422, 422]);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    expect(count(t, "select count(*) as n from file_imports where status = 'rejected'")).toBe(2);
  });
});

describe('keys are per user', () => {
  it("a key another user used first does not stop finance's write-off post", async () => {
    const t = testApp();
    insertLoans(t.db, [aBadLoan(), aBadLoan()]);
    const json = { 'Content-Type': 'application/json' };
    const prepared = (await (
      await t.app.request('/write-offs', {
        method: 'POST',
        headers: t.as('finance', json),
        body: JSON.stringify({ writeOffDate: '2026-06-30' }),
      })
    ).json()) as { batch: { id: number } };
    const batchId = prepared.batch.id;
    // The approver happens to pick the key the preparer will post with.
    const approve = await t.app.request(`/write-offs/${batchId}/approve`, {
      method: 'POST',
      headers: t.as('checker', { ...json, 'Idempotency-Key': 'post-batch-3' }),
    });
    expect(approve.status).toBe(200);
    const posted = await t.app.request(`/write-offs/${batchId}/post`, {
      method: 'POST',
      headers: t.as('finance', { ...json, 'Idempotency-Key': 'post-batch-3' }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('Idempotent-Replayed')).toBeNull();
    expect(((await posted.json()) as { state: string }).state).toBe('posted');
  });

  it('two users may import different files with the same key; each replays only their own', async () => {
    const t = testApp();
    const otherRisk = await anotherUser(t, 'risk', 'risk2@demo.local');
    const mine = csvOf([aTapeRow({ loan_id: 'MINE' })]);
    const theirs = csvOf([aTapeRow({ loan_id: 'THEIRS' })]);
    expect((await postTape(t, mine, 'tape-1')).status).toBe(201);
    const other = await postTape(t, theirs, 'tape-1', otherRisk);
    expect(other.status).toBe(201);
    expect(other.headers.get('Idempotent-Replayed')).toBeNull();
    const replay = await postTape(t, theirs, 'tape-1', otherRisk);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual(await other.json());
    expect(count(t, 'select count(*) as n from loans')).toBe(2);
    const stored = t.db.$client
      .prepare("select count(*) as n from idempotency_keys where key = 'tape-1'")
      .get() as { n: number };
    expect(stored.n).toBe(2);
  });

  it('a key stored before keys had an owner still replays its answer', async () => {
    const t = testApp();
    const csv = csvOf([aTapeRow()]);
    const bodySha = createHash('sha256').update(csv).digest('hex');
    const answer = { importId: 41, kind: 'loan_tape', rows: 1, created: 1, updated: 0 };
    t.db.$client
      .prepare(
        "insert into idempotency_keys (scope, key, request_hash, response_status, response_body, created_at) values ('', 'old-key', ?, 201, ?, '2026-01-01T00:00:00.000Z')",
      )
      .run(requestHash('POST /loans/import', bodySha), JSON.stringify(answer));
    const replay = await postTape(t, csv, 'old-key');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual(answer);
    expect(count(t, 'select count(*) as n from loans')).toBe(0);
  });
});

describe('the migration that gives keys an owner', () => {
  it('keeps a key stored before it: the same import sent again after the upgrade is replayed', async () => {
    const migrations = resolve(import.meta.dirname, '../../db/migrations');
    const dir = mkdtempSync(join(tmpdir(), 'idempotency-migration-'));
    try {
      const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as {
        entries: { tag: string }[];
      };
      const upgrade = journal.entries.findIndex((entry) =>
        entry.tag.endsWith('idempotency_key_scope'),
      );
      expect(upgrade).toBeGreaterThan(0);
      const before = journal.entries.slice(0, upgrade);
      mkdirSync(join(dir, 'migrations/meta'), { recursive: true });
      for (const entry of before)
        copyFileSync(
          join(migrations, `${entry.tag}.sql`),
          join(dir, 'migrations', `${entry.tag}.sql`),
        );
      writeFileSync(
        join(dir, 'migrations/meta/_journal.json'),
        JSON.stringify({ ...journal, entries: before }),
      );
      const path = join(dir, 'platform.db');
      const old = new Database(path);
      migrate(drizzle(old), { migrationsFolder: join(dir, 'migrations') });
      const csv = csvOf([aTapeRow()]);
      const answer = { importId: 7, kind: 'loan_tape', rows: 1, created: 1, updated: 0 };
      old
        .prepare(
          "insert into idempotency_keys (key, request_hash, response_status, response_body, created_at) values ('tape-2026-05', ?, 201, ?, '2026-05-31T00:00:00.000Z')",
        )
        .run(
          requestHash('POST /loans/import', createHash('sha256').update(csv).digest('hex')),
          JSON.stringify(answer),
        );
      old.close();

      const deps = {
        db: openDatabase(path),
        clock: fixedClock('2026-06-30T09:00:00.000Z'),
        config: defaultConfig,
        log: () => {},
      };
      seedDemoUsers(deps, () => {});
      const app = createApp(deps);
      const t = { app } as unknown as T;
      const replay = await postTape(t, csv, 'tape-2026-05');
      expect(replay.status).toBe(201);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await replay.json()).toEqual(answer);
      const other = await postTape(t, csvOf([aTapeRow({ loan_id: 'NEW' })]), 'tape-2026-06');
      expect(other.status).toBe(201);
      deps.db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
