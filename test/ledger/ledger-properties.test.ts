/**
 * Property tests over random books and random sequences of write-offs, recoveries, costs, sales and
 * reversals. A small model predicts each operation's effect on every loan's claim on file, written
 * independently of the ledger; after every operation the three invariants are checked: every entry
 * balances, the trial balance sums to zero, and the register equals written-off claims minus
 * recoveries minus sold claims, loan by loan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postOpeningRegister } from '../../src/ledger/opening-register';
import { trialBalanceReport } from '../../src/ledger/reports';
import { reverseEntry } from '../../src/ledger/reversal';
import type { AppDeps } from '../../src/shared/deps';
import { Problem } from '../../src/shared/problem';
import { testApp } from '../helpers/test-app';
import { aBadLoan, actorOf, insertFileImport, insertLoans } from './fixtures';
import { ledgerHealth, healthy, registerBalances } from './invariants';
import { collect, inTx, sell, writeOff } from './scenario';

const money = fc.integer({ min: 0, max: 200_000 });
const loanArb = fc.record({ principalFen: fc.integer({ min: 1, max: 2_000_000 }), interestFen: money, feeFen: money, penaltyFen: money, arrivesWrittenOff: fc.boolean() });
const pick = fc.nat({ max: 1_000 });
const opArb = fc.oneof(
  fc.record({ op: fc.constant('writeOff' as const), loans: fc.uniqueArray(pick, { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('recover' as const), loan: pick, amountFen: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({ op: fc.constant('cost' as const), loan: pick, amountFen: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('sell' as const), loans: fc.uniqueArray(pick, { minLength: 1, maxLength: 4 }), pricePermille: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ op: fc.constant('reverse' as const), entry: pick }),
);
const policyArb = fc.record({
  accruedReversal: fc.constantFrom('income' as const, 'allowance' as const),
  recoveriesTo: fc.constantFrom('allowance' as const, 'recovery_income' as const),
  saleProceedsTo: fc.constantFrom('allowance' as const, 'transfer_gain' as const),
});

/** The value type an arbitrary generates. */
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** `off_register`: delivered written off, its opening entry reversed: charged off but not on file. */
type LoanState = 'on_book' | 'written_off' | 'sold' | 'off_register';
interface ModelEntry {
  entryId: number;
  kind: 'opening' | 'write_off' | 'recovery' | 'sale';
  /** The change the entry made to each loan's claim on file, as the model predicts it. */
  deltas: Map<string, number>;
  reversed: boolean;
}

/** What the ledger should hold, kept by plain bookkeeping. */
class Model {
  state = new Map<string, LoanState>();
  onFile = new Map<string, number>();
  entries: ModelEntry[] = [];
  constructor(readonly claims: Map<string, number>) {}

  apply(entry: ModelEntry, sign: 1 | -1) {
    for (const [loanId, delta] of entry.deltas) this.onFile.set(loanId, (this.onFile.get(loanId) ?? 0) + sign * delta);
  }

  /** Whether the ledger should accept undoing the entry now. */
  reversible(entry: ModelEntry): boolean {
    if (entry.kind === 'write_off' || entry.kind === 'opening') return [...entry.deltas].every(([loanId, delta]) => this.onFile.get(loanId) === delta);
    if (entry.kind === 'recovery') return [...entry.deltas.keys()].every((loanId) => this.state.get(loanId) !== 'sold');
    return true;
  }
}

function checkInvariants(deps: AppDeps, model: Model) {
  expect(ledgerHealth(deps.db)).toEqual(healthy);
  const balance = trialBalanceReport(deps, '9999-12-31');
  for (const section of [balance.balanceSheet, balance.offBalance]) {
    expect(section.debitFen).toBe(section.creditFen);
    expect(section.accounts.reduce((sum, account) => sum + account.balanceFen, 0)).toBe(0);
  }
  const register = registerBalances(deps.db);
  for (const loanId of model.claims.keys()) expect(register.get(loanId) ?? 0, loanId).toBe(model.onFile.get(loanId) ?? 0);
}

function runScenario(book: Generated<typeof loanArb>[], ops: Generated<typeof opArb>[], policy: Generated<typeof policyArb>) {
  const { deps, db } = testApp({ config: { ledger: policy } });
  const importId = insertFileImport(db, 'loan_tape');
  const loanIds = insertLoans(
    db,
    book.map((loan) => {
      const { arrivesWrittenOff, ...balances } = loan;
      const delivered = { status: 'charged_off', chargeOffDate: '2025-12-31', chargeOffFen: 1, importId } as const;
      return aBadLoan({ ...balances, ...(arrivesWrittenOff ? delivered : {}) });
    }),
  );
  const model = new Model(new Map(book.map((loan, i) => [loanIds[i] as string, loan.principalFen + loan.interestFen + loan.feeFen + loan.penaltyFen])));
  const finance = actorOf(db, 'finance');
  for (const loanId of loanIds) model.state.set(loanId, 'on_book');
  const opened = inTx(deps, (tx) => postOpeningRegister(tx, deps, { importId, actor: finance }));
  book.forEach((loan, i) => {
    if (!loan.arrivesWrittenOff) return;
    model.state.set(loanIds[i] as string, 'written_off');
    model.onFile.set(loanIds[i] as string, model.claims.get(loanIds[i] as string) ?? 0);
  });
  if (opened.entryId !== null) model.entries.push({ entryId: opened.entryId, kind: 'opening', deltas: new Map(model.onFile), reversed: false });
  checkInvariants(deps, model);

  ops.forEach((op, step) => {
    const date = `2026-06-${String(step + 1).padStart(2, '0')}`;
    const loanAt = (index: number) => loanIds[index % loanIds.length] as string;
    if (op.op === 'writeOff') {
      const chosen = [...new Set(op.loans.map(loanAt))].filter((loanId) => model.state.get(loanId) === 'on_book');
      if (chosen.length === 0) return;
      const batch = writeOff(deps, { writeOffDate: date, loanIds: chosen, reason: 'property test' });
      const entry: ModelEntry = { entryId: batch.entryId as number, kind: 'write_off', deltas: new Map(chosen.map((id) => [id, model.claims.get(id) ?? 0])), reversed: false };
      chosen.forEach((id) => model.state.set(id, 'written_off'));
      model.apply(entry, 1);
      model.entries.push(entry);
    } else if (op.op === 'recover' || op.op === 'cost') {
      const loanId = loanAt(op.loan);
      const posting = collect(deps, [{ loanId, date, amountFen: op.amountFen, type: op.op === 'cost' ? 'cost' : 'payment' }]);
      if (op.op === 'cost' || model.state.get(loanId) !== 'written_off') return expect(posting.recoveries.events).toBe(0);
      const appliedFen = Math.min(op.amountFen, model.onFile.get(loanId) ?? 0);
      expect(posting.recoveries).toMatchObject({ appliedFen, excessFen: op.amountFen - appliedFen });
      const entry: ModelEntry = { entryId: posting.entryIds[0] as number, kind: 'recovery', deltas: new Map(appliedFen > 0 ? [[loanId, -appliedFen]] : []), reversed: false };
      model.apply(entry, 1);
      model.entries.push(entry);
    } else if (op.op === 'sell') {
      const chosen = [...new Set(op.loans.map(loanAt))].filter((id) => model.state.get(id) === 'written_off' && (model.onFile.get(id) ?? 0) > 0);
      if (chosen.length === 0) return;
      const prices = chosen.map((loanId) => ({ loanId, priceFen: Math.floor(((model.onFile.get(loanId) ?? 0) * op.pricePermille) / 1000) }));
      const sale = sell(deps, `S-${step}`, date, prices);
      const entry: ModelEntry = { entryId: sale.entryId, kind: 'sale', deltas: new Map(chosen.map((id) => [id, -(model.onFile.get(id) ?? 0)])), reversed: false };
      chosen.forEach((id) => model.state.set(id, 'sold'));
      model.apply(entry, 1);
      model.entries.push(entry);
    } else {
      const open = model.entries.filter((entry) => !entry.reversed);
      const entry = open[op.entry % Math.max(open.length, 1)];
      if (!entry) return;
      const expected = model.reversible(entry);
      let accepted = true;
      try {
        inTx(deps, (tx) => reverseEntry(tx, deps, finance, { entryId: entry.entryId, date, reason: 'property test' }));
      } catch (error) {
        if (!(error instanceof Problem) || error.code !== 'conflict') throw error;
        accepted = false;
      }
      expect(accepted, `reversal of ${entry.kind} entry ${entry.entryId}`).toBe(expected);
      if (!accepted) return;
      entry.reversed = true;
      model.apply(entry, -1);
      if (entry.kind === 'write_off') entry.deltas.forEach((_, id) => model.state.set(id, 'on_book'));
      if (entry.kind === 'opening') entry.deltas.forEach((_, id) => model.state.set(id, 'off_register'));
      if (entry.kind === 'sale') entry.deltas.forEach((_, id) => model.state.set(id, 'written_off'));
    }
    checkInvariants(deps, model);
  });
}

describe('the ledger under random books and operation sequences', () => {
  it('keeps every entry balanced, the trial balance at zero and the register equal to write-offs − recoveries − sales per loan', () => {
    fc.assert(
      fc.property(fc.array(loanArb, { minLength: 1, maxLength: 6 }), fc.array(opArb, { minLength: 3, maxLength: 20, size: 'medium' }), policyArb, runScenario),
      { numRuns: 200 },
    );
  });
});
