import { openDatabase } from '../../db/client';
import type { Role } from '../../db/schema';
import { demoUsers, seedDemoUsers } from '../../src/access/demo-users';
import { createApp } from '../../src/app';
import { fixedClock, type Clock } from '../../src/shared/clock';
import { defaultConfig, type PlatformConfig } from '../../src/shared/config';
import type { AppDeps, LogEntry } from '../../src/shared/deps';

/** The demo users' tokens: one per role, and `checker`, a second finance user for maker-checker. */
const tokenOf = {
  admin: 'demo-admin-token',
  risk: 'demo-risk-token',
  finance: 'demo-finance-token',
  checker: 'demo-checker-token',
  buyer: 'demo-buyer-token',
} as const satisfies Record<Role | 'checker', (typeof demoUsers)[number]['token']>;

export type TestUser = keyof typeof tokenOf;

/**
 * A fresh app on a private in-memory database (or a file at `databasePath`, whose folder then holds
 * the platform's scratch folder) with the real migrations, the demo users (one per
 * role) and a log that is kept in `logs` instead of printed.
 * `as('risk')` gives the headers of a request made by that user.
 */
export function testApp(
  overrides: { clock?: Clock; config?: Partial<PlatformConfig>; databasePath?: string } = {},
) {
  const logs: LogEntry[] = [];
  const deps: AppDeps = {
    db: openDatabase(overrides.databasePath ?? ':memory:'),
    clock: overrides.clock ?? fixedClock('2026-06-30T09:00:00.000Z'),
    config: { ...defaultConfig, ...overrides.config },
    log: (entry) => logs.push(entry),
  };
  seedDemoUsers(deps, () => {});
  const as = (user: TestUser, headers: Record<string, string> = {}) => ({
    Authorization: `Bearer ${tokenOf[user]}`,
    ...headers,
  });
  return { app: createApp(deps), deps, db: deps.db, logs, as };
}
