import { rmSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { count, eq } from 'drizzle-orm';
import { openDatabase, fileImports } from '../db';
import { bootstrapAdmin, seedDemoUsers } from './access';
import { createApp } from './app';
import { seedDemoBookIfEmpty } from './demo';
import { systemClock, configFromEnv, type AppDeps } from './shared';

const port = Number(process.env.PORT ?? 3000);
const databasePath = process.env.DATABASE_PATH ?? './data/platform.db';
const print = (line: string) => console.log(line);

const deps: AppDeps = {
  db: openDatabase(databasePath),
  clock: systemClock,
  config: configFromEnv(process.env),
};

// Uploads live only as long as their request: whatever is there was left by a crash.
rmSync(deps.config.uploadFolder, { recursive: true, force: true });
bootstrapAdmin(deps, process.env.PLATFORM_ADMIN_TOKEN, print);
if (process.env.PLATFORM_DEMO !== '0') {
  await seedDemoBookIfEmpty(deps, print);
  // Demo users (with well-known tokens) only ever join a book that the demo loaded.
  const demoImports =
    deps.db.select({ n: count() }).from(fileImports).where(eq(fileImports.actor, 'demo')).get()
      ?.n ?? 0;
  if (demoImports > 0) seedDemoUsers(deps, print);
}

serve({ fetch: createApp(deps).fetch, port }, (info) => {
  console.log(
    JSON.stringify({
      level: 'info',
      message: 'platform listening',
      port: info.port,
      database: databasePath,
    }),
  );
});
