/**
 * Builds a ledger on a fresh in-memory database and writes, through the API, the journal export
 * (`journal.xlsx`) and the trial balance (`trial-balance.json`) into the folder given as argument.
 * Used by scripts/check-gl-export.sh; `--loans N` sets the book size (default 2,000).
 *   npx tsx test/ledger/gl-export-book.ts OUT_DIR [--loans N]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { collect, inTx, sell, writeOff } from './scenario';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import { actorOf } from './fixtures';
import { asFen } from '../../src/shared';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { loans: { type: 'string', default: '2000' } },
});
const outDir = positionals[0];
if (!outDir) throw new Error('usage: gl-export-book.ts OUT_DIR [--loans N]');
const loans = Number(values.loans);

const t = testApp();
const loanIds = insertLoans(
  t.db,
  Array.from({ length: loans }, (_, i) =>
    aBadLoan({
      product: i % 3 === 0 ? 'credit_card' : 'cash_loan',
      principalFen: asFen(10_001 + ((i * 7919) % 3_000_000)),
      interestFen: asFen((i * 131) % 90_001),
      feeFen: asFen(i % 5 === 0 ? 0 : 1_234),
      penaltyFen: asFen((i * 17) % 777),
    }),
  ),
);
writeOff(t.deps, { writeOffDate: '2026-06-01', loanIds: loanIds.slice(0, Math.floor(loans / 2)) });
writeOff(t.deps, { writeOffDate: '2026-06-05' });
collect(
  t.deps,
  loanIds
    .filter((_, i) => i % 4 === 0)
    .flatMap((loanId, i) => [
      { loanId, date: '2026-06-10', amountFen: 1 + ((i * 104_729) % 2_500_000) },
      { loanId, date: '2026-06-11', amountFen: 999 + (i % 50), type: 'cost' as const },
    ]),
);
const sale = sell(
  t.deps,
  'GL-CHECK-1',
  '2026-06-20',
  loanIds.filter((_, i) => i % 4 === 1).map((loanId, i) => ({ loanId, priceFen: 3_333 + i })),
);
inTx(t.deps, (tx) =>
  reverseEntry(
    { tx, deps: t.deps, actor: actorOf(t.db, 'finance') },
    {
      entryId: sale.entryId,
      date: '2026-06-25',
      reason: 'wrong buyer',
    },
    reversalEffects,
  ),
);

const headers = t.as('finance');
const journal = await t.app.request('/ledger/journal?format=xlsx', { headers });
writeFileSync(join(outDir, 'journal.xlsx'), Buffer.from(await journal.arrayBuffer()));
const balance = await t.app.request('/ledger/trial-balance?as_of=2026-12-31', { headers });
writeFileSync(join(outDir, 'trial-balance.json'), JSON.stringify(await balance.json(), null, 2));
const lines = (
  t.db.$client.prepare('select count(*) as n from journal_lines').get() as { n: number }
).n;
console.log(
  `wrote ${join(outDir, 'journal.xlsx')} (${lines} journal lines) and trial-balance.json`,
);
