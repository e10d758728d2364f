import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { trialBalanceReport } from '../../src/ledger/reports';
import { approveWriteOffBatch, rejectWriteOffBatch } from '../../src/write-offs/decide';
import { postWriteOffBatch } from '../../src/write-offs/post';
import { prepareWriteOffBatch } from '../../src/write-offs/prepare';
import { writeOffBatchItems } from '../../src/write-offs/queries';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import { inTx, loanRow, writeOff } from './scenario';
import { asFen } from '../../src/shared';

function setUp() {
  const t = testApp();
  const [bad, young, bankrupt] = insertLoans(t.db, [
    aBadLoan(),
    aBadLoan({ daysPastDue: 10 }),
    aBadLoan({
      status: 'current',
      daysPastDue: 0,
      bankrupt: true,
      principalFen: asFen(100_000),
      interestFen: asFen(0),
      feeFen: asFen(0),
      penaltyFen: asFen(0),
    }),
  ]) as [string, string, string];
  const prepare = (request: Parameters<typeof prepareWriteOffBatch>[1]) =>
    inTx(t.deps, (tx) =>
      prepareWriteOffBatch({ tx, deps: t.deps, actor: actorOf(t.db, 'finance') }, request),
    );
  return { ...t, bad, young, bankrupt, prepare };
}

describe('preparing a write-off batch', () => {
  it('drafts the charge-off candidates as of the write-off date, with their balances and the rule that made each one', () => {
    const { deps, prepare, bad, bankrupt } = setUp();
    const { batch } = prepare({ writeOffDate: '2026-06-30' });
    expect(batch).toMatchObject({
      state: 'draft',
      selection: 'candidates',
      loanCount: 2,
      principalFen: 900_000,
      interestFen: 50_000,
      feeFen: 10_000,
      penaltyFen: 5_000,
    });
    const items = writeOffBatchItems(deps, batch.id, { limit: 10 }).items;
    expect(items.map((item) => [item.loanId, item.reasonCodes, item.previousStatus])).toEqual([
      [bad, 'dpd_threshold', 'delinquent'],
      [bankrupt, 'bankrupt', 'current'],
    ]);
    expect(items[0]?.reason).toBe('230 days past due ≥ 180');
  });

  it('drafts explicit loans when a rule fires or a reason is stated, and names every loan it refuses', () => {
    const { prepare, bad, young } = setUp();
    expect(
      prepare({
        writeOffDate: '2026-06-30',
        loanIds: [young],
        reason: 'borrower emigrated; court ruling 2026-123',
      }).batch.loanCount,
    ).toBe(1);
    const refused = (() => {
      try {
        prepare({ writeOffDate: '2026-06-30', loanIds: [bad, bad, 'NOPE', young] });
      } catch (error) {
        return error as { code: string; extra: { errors: { field: string; message: string }[] } };
      }
    })();
    expect(refused?.code).toBe('validation_failed');
    expect(refused?.extra.errors).toEqual([
      { field: 'json.loanIds.1', value: bad, message: 'the loan is listed twice' },
      { field: 'json.loanIds.2', value: 'NOPE', message: 'no such loan' },
      {
        field: 'json.loanIds.3',
        value: young,
        message: expect.stringMatching(/already in write-off batch \d+/),
      },
    ]);
  });

  it('refuses a write-off dated in the future or before the tape, and a date with nothing to write off', () => {
    const { prepare } = setUp();
    expect(() => prepare({ writeOffDate: '2026-07-01' })).toThrow(
      'a write-off cannot be dated in the future',
    );
    expect(() => prepare({ writeOffDate: '2026-05-01' })).toThrow(/before the latest tape date/);
    prepare({ writeOffDate: '2026-06-30' });
    expect(() => prepare({ writeOffDate: '2026-06-30' })).toThrow(
      'no charge-off candidate to write off as of 2026-06-30',
    );
  });
});

describe('approving, rejecting and posting', () => {
  it('books one balanced entry, charges the loans off on the write-off date for their claim, and puts each claim on file', () => {
    const { deps, db, bad, bankrupt } = setUp();
    const batch = writeOff(deps, { writeOffDate: '2026-06-15' });
    expect(batch).toMatchObject({ state: 'posted', entryId: expect.any(Number) });
    expect(loanRow(deps, bad)).toEqual({
      status: 'charged_off',
      chargeOffDate: '2026-06-15',
      chargeOffFen: 865_000,
    });
    expect(loanRow(deps, bankrupt)).toEqual({
      status: 'charged_off',
      chargeOffDate: '2026-06-15',
      chargeOffFen: 100_000,
    });
    expect(Object.fromEntries(registerBalances(db))).toEqual({
      [bad]: 865_000,
      [bankrupt]: 100_000,
    });
    const balance = trialBalanceReport(deps, '2026-06-30');
    expect(balance.balanceSheet).toMatchObject({
      // the principal is provided for before it is charged to the allowance: counted twice
      debitFen: 965_000 + 900_000,
      creditFen: 965_000 + 900_000,
      balanced: true,
    });
    expect(
      balance.balanceSheet.accounts.find((a) => a.code === accounts.loansReceivable)?.balanceFen,
    ).toBe(-900_000);
    expect(
      balance.offBalance.accounts.find((a) => a.code === accounts.writtenOffMemo)?.balanceFen,
    ).toBe(965_000);
    expect(trialBalanceReport(deps, '2026-06-14').balanceSheet.accounts).toEqual([]);
    expect(ledgerHealth(db)).toEqual(healthy);
  });

  it('writes a loan off once: a posted loan is no candidate and cannot be named again', () => {
    const { deps, prepare, bad } = setUp();
    writeOff(deps, { writeOffDate: '2026-06-30' });
    expect(() => prepare({ writeOffDate: '2026-06-30' })).toThrow(/no charge-off candidate/);
    expect(() => prepare({ writeOffDate: '2026-06-30', loanIds: [bad], reason: 'again' })).toThrow(
      /cannot be written off/,
    );
  });

  it('lets only a second finance user approve, and posts only approved batches', () => {
    const { deps, db, prepare } = setUp();
    const { batch } = prepare({ writeOffDate: '2026-06-30' });
    expect(() =>
      inTx(deps, (tx) =>
        approveWriteOffBatch({ tx, deps, actor: actorOf(db, 'finance') }, { batchId: batch.id }),
      ),
    ).toThrow(/must be approved by another finance user/);
    expect(() =>
      inTx(deps, (tx) =>
        postWriteOffBatch({ tx, deps, actor: actorOf(db, 'finance') }, { batchId: batch.id }),
      ),
    ).toThrow(/only a batch that is approved can be posted/);
    inTx(deps, (tx) =>
      approveWriteOffBatch({ tx, deps, actor: actorOf(db, 'checker') }, { batchId: batch.id }),
    );
    inTx(deps, (tx) =>
      postWriteOffBatch({ tx, deps, actor: actorOf(db, 'finance') }, { batchId: batch.id }),
    );
    expect(() =>
      inTx(deps, (tx) =>
        postWriteOffBatch({ tx, deps, actor: actorOf(db, 'finance') }, { batchId: batch.id }),
      ),
    ).toThrow(/is posted/);
    expect(() =>
      inTx(deps, (tx) =>
        rejectWriteOffBatch(
          { tx, deps, actor: actorOf(db, 'checker') },
          { batchId: batch.id, reason: 'late' },
        ),
      ),
    ).toThrow(/is posted/);
  });

  it('frees the loans of a rejected batch for another batch, and books nothing for it', () => {
    const { deps, db, prepare } = setUp();
    const { batch } = prepare({ writeOffDate: '2026-06-30' });
    const rejected = inTx(deps, (tx) =>
      rejectWriteOffBatch(
        { tx, deps, actor: actorOf(db, 'checker') },
        { batchId: batch.id, reason: 'allowance not yet raised' },
      ),
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      rejectionReason: 'allowance not yet raised',
    });
    expect(prepare({ writeOffDate: '2026-06-30' }).batch.loanCount).toBe(2);
    expect(db.$client.prepare('select count(*) as n from journal_entries').get()).toEqual({ n: 0 });
  });

  it('refuses to post a batch one of whose loans left the book since the draft, booking nothing', () => {
    const { deps, db, prepare, bad } = setUp();
    const { batch } = prepare({ writeOffDate: '2026-06-30' });
    inTx(deps, (tx) =>
      approveWriteOffBatch({ tx, deps, actor: actorOf(db, 'checker') }, { batchId: batch.id }),
    );
    db.$client.prepare("update loans set status = 'settled' where loan_id = ?").run(bad);
    expect(() =>
      inTx(deps, (tx) =>
        postWriteOffBatch({ tx, deps, actor: actorOf(db, 'finance') }, { batchId: batch.id }),
      ),
    ).toThrow(/no longer on the book/);
    expect(db.$client.prepare('select count(*) as n from journal_lines').get()).toEqual({ n: 0 });
  });

  it('records every step in the audit trail', () => {
    const { deps, db } = setUp();
    const batch = writeOff(deps, { writeOffDate: '2026-06-30' });
    const actions = db.$client
      .prepare(
        "select action, actor from audit_events where target_type = 'write_off_batch' and target_id = ? order by id",
      )
      .all(String(batch.id));
    expect(actions).toEqual([
      { action: 'write_off_batch.prepared', actor: 'finance@demo.local' },
      { action: 'write_off_batch.approved', actor: 'checker@demo.local' },
      { action: 'write_off_batch.posted', actor: 'finance@demo.local' },
    ]);
  });
});
