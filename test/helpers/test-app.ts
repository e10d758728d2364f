import { openDatabase } from '../../db/client';
import { createApp } from '../../src/app';
import { fixedClock, type Clock } from '../../src/shared/clock';
import { defaultConfig, type PlatformConfig } from '../../src/shared/config';
import type { AppDeps } from '../../src/shared/deps';

/** A fresh app on a private in-memory database with the real migrations. */
export function testApp(overrides: { clock?: Clock; config?: Partial<PlatformConfig> } = {}) {
  const deps: AppDeps = {
    db: openDatabase(':memory:'),
    clock: overrides.clock ?? fixedClock('2026-06-30T09:00:00.000Z'),
    config: { ...defaultConfig, ...overrides.config },
  };
  return { app: createApp(deps), deps, db: deps.db };
}
