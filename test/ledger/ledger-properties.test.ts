/**
 * Property tests over random books and random sequences of write-offs, recoveries, costs, sales
 * (some settled with a claim of their interim collections), put-backs, forwardings and reversals.
 * A small model predicts each operation's effect on every loan's claim on file and on what is owed
 * to the buyer, written independently of the ledger; after every operation the invariants are
 * checked: every entry balances, the trial balance sums to zero, the register equals written-off
 * claims minus recoveries minus sold claims plus put-backs, loan by loan, and the buyer's
 * outstanding collections equal both the model and the payable account.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import { forwardingStatement } from '../../src/transfer/sale/forwarding-statement';
import { postOpeningRegister } from '../../src/ledger/opening-register';
import { trialBalanceReport } from '../../src/ledger/reports';
import { reverseEntry } from '../../src/ledger/reversal';
import { reversalEffects } from '../../src/reversal-effects';
import type { AppDeps } from '../../src/shared/deps';
import { addDays } from '../../src/shared/dates';
import { asFen } from '../../src/shared';
import { Problem } from '../../src/shared/problem';
import { testApp } from '../helpers/test-app';
import { aBadLoan, insertLoans } from '../helpers/loans';
import { actorOf, insertFileImport } from './fixtures';
import { ledgerHealth, healthy, registerBalances } from './invariants';
import {
  accountBalance,
  buyerId,
  claimInterim,
  collect,
  forward,
  inTx,
  putBack,
  sell,
  writeOff,
} from './scenario';

const money = fc.integer({ min: 0, max: 200_000 }).map(asFen);
const loanArb = fc.record({
  principalFen: fc.integer({ min: 1, max: 2_000_000 }).map(asFen),
  interestFen: money,
  feeFen: money,
  penaltyFen: money,
  arrivesWrittenOff: fc.boolean(),
});
const pick = fc.nat({ max: 1_000 });
const opArb = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('writeOff' as const),
      loans: fc.uniqueArray(pick, { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('recover' as const),
      loan: pick,
      amountFen: fc.integer({ min: 1, max: 3_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('cost' as const),
      loan: pick,
      amountFen: fc.integer({ min: 1, max: 50_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('sell' as const),
      loans: fc.uniqueArray(pick, { minLength: 1, maxLength: 4 }),
      pricePermille: fc.integer({ min: 0, max: 200 }),
      /** Days from the cut-off back to the sale when settlement claims the interim collections; null when it does not. */
      cutOffDaysBack: fc.option(fc.integer({ min: 0, max: 19 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('putBack' as const),
      loan: pick,
      refundPermille: fc.integer({ min: 0, max: 1000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('forward' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), entry: pick }) },
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
  kind:
    'opening' | 'write_off' | 'recovery' | 'sale' | 'put_back' | 'buyer_collection' | 'forwarding';
  /** The change the entry made to each loan's claim on file, as the model predicts it. */
  deltas: Map<string, number>;
  reversed: boolean;
  /** A recovery's payment date, and whether settlement handed it to a buyer. */
  eventDate?: string;
  claimed?: boolean;
}
interface ModelSale {
  reference: string;
  entry: ModelEntry;
  prices: Map<string, number>;
  /** Whether any collection is owed to the buyer under this sale. */
  owes: boolean;
}

/** What the ledger should hold, kept by plain bookkeeping. */
class Model {
  state = new Map<string, LoanState>();
  onFile = new Map<string, number>();
  saleOf = new Map<string, ModelSale>();
  entries: ModelEntry[] = [];
  outstandingFen = 0;
  constructor(readonly claims: Map<string, number>) {}

  apply(entry: ModelEntry, sign: 1 | -1) {
    for (const [loanId, delta] of entry.deltas)
      this.onFile.set(loanId, (this.onFile.get(loanId) ?? 0) + sign * delta);
  }

  /** Whether the ledger should accept undoing the entry now. */
  reversible(entry: ModelEntry): boolean {
    if (entry.kind === 'write_off' || entry.kind === 'opening')
      return [...entry.deltas].every(([loanId, delta]) => this.onFile.get(loanId) === delta);
    if (entry.kind === 'recovery')
      return (
        !entry.claimed &&
        [...entry.deltas.keys()].every((loanId) => this.state.get(loanId) !== 'sold')
      );
    if (entry.kind === 'sale') {
      const sale = [...this.saleOf.values()].find((candidate) => candidate.entry === entry);
      const loans = [...entry.deltas.keys()];
      return (
        loans.every((loanId) => this.saleOf.get(loanId)?.entry === entry) && !(sale?.owes ?? false)
      );
    }
    return false;
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
  for (const loanId of model.claims.keys())
    expect(register.get(loanId) ?? 0, loanId).toBe(model.onFile.get(loanId) ?? 0);
  const owed = forwardingStatement(deps.db, {
    buyerOrganisationId: buyerId(deps),
    asOf: '9999-12-31',
  }).totals;
  expect(owed.outstandingFen).toBe(model.outstandingFen);
  expect(
    accountBalance(deps, accounts.buyerCollectionsPayable) + model.outstandingFen,
    'payable account + outstanding',
  ).toBe(0);
}

/** Runs a verb the model expects to be refused (or not); returns whether the ledger accepted it. */
function attempt(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (!(error instanceof Problem) || error.code !== 'conflict') throw error;
    return false;
  }
}

interface Run {
  deps: AppDeps;
  model: Model;
  loanIds: string[];
}

/** Posts what the model records: its entry, and its effect on the claims on file. */
function record(model: Model, entry: ModelEntry): void {
  model.apply(entry, 1);
  model.entries.push(entry);
}

/** A payment (or cost) imported for one loan: a recovery, the buyer's if the loan is sold, or nothing booked. */
function collectOne(
  { deps, model }: Run,
  loanId: string,
  op: { op: 'recover' | 'cost'; amountFen: number },
  date: string,
): void {
  const posting = collect(deps, [
    { loanId, date, amountFen: op.amountFen, type: op.op === 'cost' ? 'cost' : 'payment' },
  ]);
  const state = model.state.get(loanId);
  if (op.op === 'recover' && state === 'sold') {
    expect(posting.buyerCollections).toEqual({ events: 1, amountFen: op.amountFen });
    model.outstandingFen += op.amountFen;
    (model.saleOf.get(loanId) as ModelSale).owes = true;
    record(model, {
      entryId: posting.entryIds[0] as number,
      kind: 'buyer_collection',
      deltas: new Map(),
      reversed: false,
    });
  } else if (op.op === 'recover' && state === 'written_off') {
    const appliedFen = Math.min(op.amountFen, model.onFile.get(loanId) ?? 0);
    expect(posting.recoveries).toMatchObject({ appliedFen, excessFen: op.amountFen - appliedFen });
    const deltas = new Map(appliedFen > 0 ? [[loanId, -appliedFen]] : []);
    record(model, {
      entryId: posting.entryIds[0] as number,
      kind: 'recovery',
      deltas,
      reversed: false,
      eventDate: date,
      claimed: false,
    });
  } else {
    expect(posting.recoveries.events + posting.buyerCollections.events).toBe(0);
  }
}

/** Sells the chosen written-off loans; settlement may claim the recoveries dated after a cut-off. */
function sellSome(
  { deps, model }: Run,
  chosen: string[],
  op: { pricePermille: number; cutOffDaysBack: number | null },
  date: string,
  reference: string,
): void {
  const prices = chosen.map((loanId) => ({
    loanId,
    priceFen: Math.floor(((model.onFile.get(loanId) ?? 0) * op.pricePermille) / 1000),
  }));
  const booked = sell(deps, reference, date, prices);
  const entry: ModelEntry = {
    entryId: booked.entryId,
    kind: 'sale',
    deltas: new Map(chosen.map((id) => [id, -(model.onFile.get(id) ?? 0)])),
    reversed: false,
  };
  const sale: ModelSale = {
    reference,
    entry,
    prices: new Map(prices.map((price) => [price.loanId, price.priceFen])),
    owes: false,
  };
  for (const id of chosen) {
    model.state.set(id, 'sold');
    model.saleOf.set(id, sale);
  }
  record(model, entry);
  if (op.cutOffDaysBack === null) return;
  const cutOffDate = addDays(date, -op.cutOffDaysBack);
  const handedOver = model.entries.filter(
    (e) =>
      e.kind === 'recovery' &&
      !e.reversed &&
      !e.claimed &&
      (e.eventDate as string) > cutOffDate &&
      [...e.deltas.keys()].some((id) => chosen.includes(id)),
  );
  const claimedFen = handedOver.reduce(
    (sum, e) => sum - [...e.deltas.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const claim = claimInterim(deps, reference, cutOffDate, chosen, date);
  expect(claim.amountFen).toBe(claimedFen);
  for (const e of handedOver) e.claimed = true;
  model.outstandingFen += claimedFen;
  sale.owes = claim.payables > 0;
  if (claim.entryId !== null)
    record(model, {
      entryId: claim.entryId,
      kind: 'buyer_collection',
      deltas: new Map(),
      reversed: false,
    });
}

/** The buyer puts back one sold loan, refunded a share of its price; its sold claim comes back on file. */
function putOneBack(
  { deps, model }: Run,
  loanId: string,
  refundPermille: number,
  date: string,
): void {
  const sale = model.saleOf.get(loanId) as ModelSale;
  const refundFen = Math.floor(((sale.prices.get(loanId) ?? 0) * refundPermille) / 1000);
  const soldClaimFen = -(sale.entry.deltas.get(loanId) ?? 0);
  const booked = putBack(deps, sale.reference, loanId, date, refundFen);
  expect(booked.claimFen).toBe(soldClaimFen);
  model.state.set(loanId, 'written_off');
  model.saleOf.delete(loanId);
  record(model, {
    entryId: booked.entryId,
    kind: 'put_back',
    deltas: new Map([[loanId, soldClaimFen]]),
    reversed: false,
  });
}

/** Tries to reverse an entry; the ledger must accept exactly when the model says it may. */
function reverseOne({ deps, model }: Run, entry: ModelEntry, date: string): void {
  const expected = model.reversible(entry);
  const accepted = attempt(() =>
    inTx(deps, (tx) =>
      reverseEntry(
        { tx, deps, actor: actorOf(deps.db, 'finance') },
        {
          entryId: entry.entryId,
          date,
          reason: 'property test',
        },
        reversalEffects,
      ),
    ),
  );
  expect(accepted, `reversal of ${entry.kind} entry ${entry.entryId}`).toBe(expected);
  if (!accepted) return;
  entry.reversed = true;
  model.apply(entry, -1);
  for (const id of entry.deltas.keys()) {
    if (entry.kind === 'write_off') model.state.set(id, 'on_book');
    if (entry.kind === 'opening') model.state.set(id, 'off_register');
    if (entry.kind === 'sale') {
      model.state.set(id, 'written_off');
      model.saleOf.delete(id);
    }
  }
}

function runOp(run: Run, op: Generated<typeof opArb>, step: number): void {
  const { deps, model, loanIds } = run;
  const date = `2026-06-${String(step + 1).padStart(2, '0')}`;
  const loanAt = (index: number) => loanIds[index % loanIds.length] as string;
  const inState = (ids: string[], state: LoanState) =>
    [...new Set(ids)].filter((id) => model.state.get(id) === state);
  if (op.op === 'writeOff') {
    const chosen = inState(op.loans.map(loanAt), 'on_book');
    if (chosen.length === 0) return;
    const batch = writeOff(deps, { writeOffDate: date, loanIds: chosen, reason: 'property test' });
    chosen.forEach((id) => model.state.set(id, 'written_off'));
    record(model, {
      entryId: batch.entryId as number,
      kind: 'write_off',
      deltas: new Map(chosen.map((id) => [id, model.claims.get(id) ?? 0])),
      reversed: false,
    });
  } else if (op.op === 'recover' || op.op === 'cost') {
    collectOne(run, loanAt(op.loan), op, date);
  } else if (op.op === 'sell') {
    const chosen = inState(op.loans.map(loanAt), 'written_off').filter(
      (id) => (model.onFile.get(id) ?? 0) > 0,
    );
    if (chosen.length > 0) sellSome(run, chosen, op, date, `S-${step}`);
  } else if (op.op === 'putBack') {
    const sold = inState(loanIds, 'sold');
    const loanId = sold[op.loan % Math.max(sold.length, 1)];
    if (loanId !== undefined) putOneBack(run, loanId, op.refundPermille, date);
  } else if (op.op === 'forward') {
    const accepted = attempt(() => {
      const forwarding = forward(deps, `F-${step}`, date);
      expect(forwarding.amountFen).toBe(model.outstandingFen);
      record(model, {
        entryId: forwarding.entryId,
        kind: 'forwarding',
        deltas: new Map(),
        reversed: false,
      });
    });
    expect(accepted, 'forwarding').toBe(model.outstandingFen > 0);
    model.outstandingFen = 0;
  } else {
    const open = model.entries.filter((entry) => !entry.reversed);
    const entry = open[op.entry % Math.max(open.length, 1)];
    if (entry) reverseOne(run, entry, date);
  }
}

function runScenario(
  book: Generated<typeof loanArb>[],
  ops: Generated<typeof opArb>[],
  policy: Generated<typeof policyArb>,
) {
  const { deps, db } = testApp({ config: { ledger: policy } });
  const importId = insertFileImport(db, 'loan_tape');
  const loanIds = insertLoans(
    db,
    book.map((loan) => {
      const { arrivesWrittenOff, ...balances } = loan;
      const delivered = {
        status: 'charged_off',
        chargeOffDate: '2025-12-31',
        chargeOffFen: asFen(1),
        importId,
      } as const;
      return aBadLoan({ ...balances, ...(arrivesWrittenOff ? delivered : {}) });
    }),
  );
  const model = new Model(
    new Map(
      book.map((loan, i) => [
        loanIds[i] as string,
        loan.principalFen + loan.interestFen + loan.feeFen + loan.penaltyFen,
      ]),
    ),
  );
  for (const loanId of loanIds) model.state.set(loanId, 'on_book');
  const opened = inTx(deps, (tx) =>
    postOpeningRegister({ tx, deps, actor: actorOf(db, 'finance') }, { importId }),
  );
  book.forEach((loan, i) => {
    if (!loan.arrivesWrittenOff) return;
    model.state.set(loanIds[i] as string, 'written_off');
    model.onFile.set(loanIds[i] as string, model.claims.get(loanIds[i] as string) ?? 0);
  });
  if (opened.entryId !== null)
    model.entries.push({
      entryId: opened.entryId,
      kind: 'opening',
      deltas: new Map(model.onFile),
      reversed: false,
    });
  checkInvariants(deps, model);
  ops.forEach((op, step) => {
    runOp({ deps, model, loanIds }, op, step);
    checkInvariants(deps, model);
  });
}

describe('the ledger under random books and operation sequences', () => {
  it('keeps every entry balanced, the trial balance at zero, the register equal to write-offs − recoveries − sales + put-backs per loan, and the payable equal to what the buyer is owed', () => {
    fc.assert(
      fc.property(
        fc.array(loanArb, { minLength: 1, maxLength: 6 }),
        fc.array(opArb, { minLength: 3, maxLength: 20, size: 'medium' }),
        policyArb,
        runScenario,
      ),
      { numRuns: 200 },
    );
  });
});
