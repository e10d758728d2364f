import { describe, expect, it } from 'vitest';
import { postOpeningRegister } from '../../src/ledger/opening-register';
import { offBalanceReport } from '../../src/ledger/reports';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf, insertFileImport } from './fixtures';
import { healthy, ledgerHealth, registerBalances } from './invariants';
import { collect, inTx } from './scenario';
import { asFen } from '../../src/shared';

const chargedOff = (importId: number, overrides: Parameters<typeof aBadLoan>[0] = {}) =>
  aBadLoan({
    status: 'charged_off',
    chargeOffDate: '2025-03-31',
    chargeOffFen: asFen(900_000),
    importId,
    ...overrides,
  });

describe('loans delivered already written off', () => {
  it('enter the register through one opening entry per import, each for its claim on the tape', () => {
    const t = testApp();
    const importId = insertFileImport(t.db, 'loan_tape');
    const [a, b] = insertLoans(t.db, [
      chargedOff(importId),
      chargedOff(importId, {
        principalFen: asFen(1_000),
        interestFen: asFen(0),
        feeFen: asFen(0),
        penaltyFen: asFen(0),
      }),
      aBadLoan({ importId }),
    ]);
    const opened = inTx(t.deps, (tx) =>
      postOpeningRegister({ tx, deps: t.deps, actor: actorOf(t.db, 'finance') }, { importId }),
    );
    expect(opened).toEqual({
      entryId: expect.any(Number),
      loans: 2,
      claimFen: 866_000,
      skipped: [],
    });
    expect(Object.fromEntries(registerBalances(t.db))).toEqual({
      [a as string]: 865_000,
      [b as string]: 1_000,
    });
    const entry = t.db.$client
      .prepare('select kind, entry_date as entryDate, source_ref as sourceRef from journal_entries')
      .all();
    expect(entry).toEqual([
      { kind: 'write_off_opening', entryDate: '2026-05-31', sourceRef: `file_import:${importId}` },
    ]);
    expect(offBalanceReport(t.deps, '2026-06-30', { limit: 10 }).totals).toMatchObject({
      loans: 2,
      writtenOffFen: 866_000,
      balanceFen: 866_000,
    });
    expect(ledgerHealth(t.db)).toEqual(healthy);
  });

  it('skips loans already on the register or owing nothing, and refuses a second opening entry for an import', () => {
    const t = testApp();
    const first = insertFileImport(t.db, 'loan_tape');
    const [a] = insertLoans(t.db, [chargedOff(first)]) as [string];
    const open = (importId: number) =>
      inTx(t.deps, (tx) =>
        postOpeningRegister({ tx, deps: t.deps, actor: actorOf(t.db, 'finance') }, { importId }),
      );
    open(first);
    expect(() => open(first)).toThrow(/already posted/);
    const second = insertFileImport(t.db, 'loan_tape');
    t.db.$client.prepare('update loans set import_id = ? where loan_id = ?').run(second, a);
    const [empty] = insertLoans(t.db, [
      chargedOff(second, {
        principalFen: asFen(0),
        interestFen: asFen(0),
        feeFen: asFen(0),
        penaltyFen: asFen(0),
      }),
    ]);
    expect(open(second)).toEqual({
      entryId: null,
      loans: 0,
      claimFen: 0,
      skipped: [
        { loanId: a, reason: 'already_on_register' },
        { loanId: empty, reason: 'no_claim' },
      ],
    });
  });

  it('lets recoveries of opened loans reduce their claim like any written-off loan', () => {
    const t = testApp();
    const importId = insertFileImport(t.db, 'loan_tape');
    const [a] = insertLoans(t.db, [chargedOff(importId)]) as [string];
    inTx(t.deps, (tx) =>
      postOpeningRegister(
        { tx, deps: t.deps, actor: actorOf(t.db, 'finance') },
        { importId, date: '2026-06-01' },
      ),
    );
    expect(
      collect(t.deps, [{ loanId: a, date: '2026-06-02', amountFen: 5_000 }]).recoveries.appliedFen,
    ).toBe(5_000);
    expect(registerBalances(t.db).get(a)).toBe(860_000);
  });
});
