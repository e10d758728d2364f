import { openDatabase } from '../../db';
import { systemClock, configFromEnv, type AppDeps } from '../shared';
import { generateDemoBook } from './book';
import { DEMO_USAGE, parseDemoCommand, type DemoCommand } from './cli-options';
import { importDemoBook } from './import-book';
import { loanBookIsEmpty } from './load';
import { writeDemoBookCsv } from './write-files';

/** `npm run demo`: writes the demo book as CSV files, or loads it into an empty database. */
async function main(command: DemoCommand): Promise<void> {
  const { book, outDirectory } = command;
  const started = performance.now();
  if (outDirectory !== undefined) {
    const counts = await writeDemoBookCsv(generateDemoBook(book), outDirectory);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `wrote ${counts.loans} loans and ${counts.events} collection events (seed ${book.seed}, as of ${book.asOf}) to ${outDirectory} in ${seconds.toFixed(2)} s`,
    );
    return;
  }
  const databasePath = process.env.DATABASE_PATH ?? './data/platform.db';
  const deps: AppDeps = {
    db: openDatabase(databasePath),
    clock: systemClock,
    config: configFromEnv(process.env),
  };
  if (!loanBookIsEmpty(deps)) {
    throw new Error(
      `${databasePath} already holds loans; the demo book only loads into an empty database (or use --out DIR)`,
    );
  }
  const loaded = await importDemoBook(deps, book);
  console.log(
    `loaded ${loaded.loans.created} loans and ${loaded.collections.created} collection events (seed ${book.seed}, as of ${book.asOf}) into ${databasePath} in ${loaded.seconds.toFixed(2)} s`,
  );
}

try {
  await main(parseDemoCommand(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof TypeError || error instanceof RangeError) console.error(DEMO_USAGE);
  process.exitCode = 1;
}
