import { count } from 'drizzle-orm';
import { loans } from '../../db';
import type { AppDeps } from '../shared';
import { defaultDemoBook } from './book';
import { importDemoBook } from './import-book';

/**
 * At start-up, fills an empty loan book with the default demo book (seed 42, 20,000 loans) so a
 * new user sees a working platform at once. A book that has any loan is left alone.
 */
export async function seedDemoBookIfEmpty(
  deps: AppDeps,
  log: (line: string) => void,
): Promise<void> {
  if (!loanBookIsEmpty(deps)) return;
  const loaded = await importDemoBook(deps, defaultDemoBook);
  log(
    JSON.stringify({
      level: 'info',
      message: 'demo book loaded into the empty database',
      seed: defaultDemoBook.seed,
      asOf: defaultDemoBook.asOf,
      loans: loaded.loans.created,
      collectionEvents: loaded.collections.created,
      seconds: Number(loaded.seconds.toFixed(2)),
    }),
  );
}

/** Whether the book has no loan at all. */
export function loanBookIsEmpty(deps: AppDeps): boolean {
  return (deps.db.select({ loans: count() }).from(loans).get()?.loans ?? 0) === 0;
}
