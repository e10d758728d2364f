// Measures the demo book's load and the opening-balance posting of an upsert of every loan (not a test).
import { importDemoBook } from '../../src/demo/import-book';
import { fixedClock } from '../../src/shared/clock';
import { testApp } from '../helpers/test-app';

const loans = Number(process.argv[2] ?? 20000);
const t = testApp({ clock: fixedClock('2026-10-05T09:00:00.000Z') });
const started = performance.now();
const result = await importDemoBook(t.deps, { loans, seed: 7, asOf: '2026-09-30' });
const lines = t.db.$client
  .prepare(
    "select count(*) as n from journal_lines l join journal_entries e on e.id = l.entry_id where e.kind = 'opening_balance'",
  )
  .get() as { n: number };
console.log(
  `${loans} loans: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (loan tape ${JSON.stringify(result.loans.ledger)}), ${lines.n} opening-balance lines`,
);

// The upsert path: every loan re-delivered by a new import with 1.00 more principal on the book's loans.
const { insertFileImport, actorOf } = await import('./fixtures');
const { postOpeningBalances } = await import('../../src/ledger/opening-balances');
const importId = insertFileImport(t.db, 'loan_tape');
t.db.$client
  .prepare(
    "update loans set import_id = ?, tape_date = '2026-10-31', principal_fen = principal_fen + case when status in ('current', 'delinquent') then 100 else 0 end",
  )
  .run(importId);
const upsertStarted = performance.now();
const upsert = t.db.transaction((tx) =>
  postOpeningBalances({ tx, deps: t.deps, actor: actorOf(t.db, 'finance') }, { importId }),
);
console.log(
  `upsert differences of ${loans} loans: ${upsert.lines} lines in ${(performance.now() - upsertStarted).toFixed(0)} ms`,
);
