import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionOf, openDatabase, prepared, type Db } from '../db';
import { demoUsers, seedDemoUsers } from '../src/access';
import type { AuditActor } from '../src/audit';
import { fixedClock, defaultConfig, type AppDeps } from '../src/shared';
import { approveWriteOffBatch, postWriteOffBatch, prepareWriteOffBatch } from '../src/write-offs';

/** `--loans` delinquent loans, 200 days past due on the 2026-05-31 tape, inserted raw in one transaction. */
function seedDelinquentBook(db: Db, loans: number): void {
  const insert = prepared(
    db,
    `insert into loans (loan_id, borrower_id, borrower_name, national_id, product, origination_date, original_principal_fen,
                        principal_fen, interest_fen, fee_fen, penalty_fen, days_past_due, status, tape_date)
     values (?, ?, '王伟', '110101199001011234', ?, '2024-01-15', ?, ?, ?, ?, ?, ?, 'delinquent', '2026-05-31')`,
  );
  db.transaction(() => {
    for (let i = 0; i < loans; i += 1) {
      const principalFen = 100_000 + ((i * 7919) % 5_000_000);
      insert.run(
        `WB${String(i).padStart(8, '0')}`,
        `B${i}`,
        i % 3 === 0 ? 'credit_card' : 'cash_loan',
        principalFen * 2,
        principalFen,
        principalFen >> 4,
        1_500 + (i % 700),
        principalFen >> 6,
        180 + (i % 400),
      );
    }
  });
}

function actorOf(db: Db, email: string): AuditActor {
  const { id } = prepared(db, 'select id from users where email = ?').get(email) as {
    id: number;
  };
  return { userId: id, label: email, requestId: null };
}

/**
 * The `write-offs` case: seeds `--loans` charge-off candidates (100,000 by default) into a fresh
 * database file, prepares one batch from the candidates, approves it by a second finance user, and
 * posts it through the service. Seconds count the posting only: one transaction writing the
 * journal entry (8 lines per loan), the register and the loans' new status.
 */
export async function writeOffsCase(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { loans: { type: 'string', default: '100000' } } });
  const loans = Number(values.loans);
  const folder = mkdtempSync(join(tmpdir(), 'bench-write-offs-'));
  try {
    const db = openDatabase(join(folder, 'platform.db'));
    const deps: AppDeps = {
      db,
      clock: fixedClock('2026-06-30T09:00:00.000Z'),
      config: defaultConfig,
      log: () => {},
    };
    seedDemoUsers(deps, () => {});
    seedDelinquentBook(db, loans);
    const [preparer, approver] = demoUsers
      .filter((user) => user.role === 'finance')
      .map((user) => actorOf(db, user.email)) as [AuditActor, AuditActor];
    const { batch } = db.transaction((tx) =>
      prepareWriteOffBatch({ tx, deps, actor: preparer }, { writeOffDate: '2026-06-30' }),
    );
    db.transaction((tx) =>
      approveWriteOffBatch({ tx, deps, actor: approver }, { batchId: batch.id }),
    );
    const started = performance.now();
    const posted = db.transaction(
      (tx) => postWriteOffBatch({ tx, deps, actor: preparer }, { batchId: batch.id }),
      {
        behavior: 'immediate',
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const { lines } = prepared(
      db,
      'select count(*) as lines from journal_lines where entry_id = ?',
    ).get(posted.entryId) as { lines: number };
    connectionOf(db).close();
    if (posted.loanCount !== loans || posted.state !== 'posted')
      throw new Error(`posted ${posted.loanCount} loans of ${loans}`);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      JSON.stringify({
        case: 'write-offs',
        loans,
        seconds: Number(seconds.toFixed(2)),
        loansPerSecond: Math.round(loans / seconds),
        journalLines: lines,
        peakRssMb,
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
