import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client';
import { createApp } from './app';
import { systemClock } from './shared/clock';
import { configFromEnv } from './shared/config';
import type { AppDeps } from './shared/deps';
import { seedDemoBookIfEmpty } from './demo/load';

const port = Number(process.env.PORT ?? 3000);
const databasePath = process.env.DATABASE_PATH ?? './data/platform.db';

const deps: AppDeps = { db: openDatabase(databasePath), clock: systemClock, config: configFromEnv(process.env) };

if (process.env.PLATFORM_DEMO !== '0') await seedDemoBookIfEmpty(deps, console.log);

serve({ fetch: createApp(deps).fetch, port }, (info) => {
  console.log(JSON.stringify({ level: 'info', message: 'platform listening', port: info.port, database: databasePath }));
});
