import { count, eq } from 'drizzle-orm';
import { openDatabase, fileImports } from '../db';
import { bootstrapAdmin, seedDemoUsers } from './access';
import { createApp, httpServer } from './app';
import { seedDemoBookIfEmpty } from './demo';
import { scratchFolderFor, sweepScratchFolder } from './imports';
import { systemClock, configFromEnv, type AppDeps } from './shared';

const port = Number(process.env.PORT ?? 3000);
const databasePath = process.env.DATABASE_PATH ?? './data/platform.db';
const print = (line: string) => console.log(line);

// SQLite's own temporary files (sorts, large INSERT … SELECT) go beside the data too, not to
// /var/tmp: they hold rows of the book. SQLite reads this once, at its first temporary file.
process.env.SQLITE_TMPDIR ??= scratchFolderFor(databasePath);

const deps: AppDeps = {
  db: openDatabase(databasePath),
  clock: systemClock,
  config: configFromEnv(process.env),
};

// What imports and uploads cut off by a crash or kill left in the scratch folder (uploads, staging tables).
const swept = sweepScratchFolder(deps);
if (swept.length > 0)
  console.log(
    JSON.stringify({ level: 'info', message: 'removed import leftovers', files: swept.length }),
  );

bootstrapAdmin(deps, process.env.PLATFORM_ADMIN_TOKEN, print);
if (process.env.PLATFORM_DEMO !== '0') {
  await seedDemoBookIfEmpty(deps, print);
  // Demo users (with well-known tokens) only ever join a book that the demo loaded.
  const demoImports =
    deps.db.select({ n: count() }).from(fileImports).where(eq(fileImports.actor, 'demo')).get()
      ?.n ?? 0;
  if (demoImports > 0) seedDemoUsers(deps, print);
}

httpServer(createApp(deps)).listen(port, () => {
  console.log(
    JSON.stringify({
      level: 'info',
      message: 'platform listening',
      port,
      database: databasePath,
    }),
  );
});
