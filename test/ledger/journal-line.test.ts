import { describe, expect, it } from 'vitest';
import {
  assertBalanced,
  netFen,
  transfer,
  UnbalancedEntryError,
  type JournalLineDraft,
} from '../../src/ledger/journal-line';
import { asFen, type Fen } from '../../src/shared';

// Lines as a caller might hand them in, fractions of a fen included: cast past the brand on purpose,
// since assertBalanced's own guard against them is under test.
const line = (accountCode: string, debitFen: number, creditFen: number): JournalLineDraft => ({
  accountCode,
  debitFen: debitFen as Fen,
  creditFen: creditFen as Fen,
  loanId: 'L1',
  memo: null,
});

describe('journal lines', () => {
  it('makes a transfer of an amount one debit and one credit line, and nothing of zero', () => {
    expect(transfer('1304', '1303', asFen(500), 'L1')).toEqual([
      line('1304', 500, 0),
      line('1303', 0, 500),
    ]);
    expect(transfer('1304', '1303', asFen(0), 'L1')).toEqual([]);
    expect(() => transfer('1304', '1303', asFen(-1), 'L1')).toThrow(RangeError);
    // Cast past the brand on purpose: the guard inside transfer is what is under test.
    expect(() => transfer('1304', '1303', 1.5 as Fen, 'L1')).toThrow(RangeError);
  });

  it('accepts lines whose debits equal their credits on the balance sheet and among memo accounts', () => {
    expect(() =>
      assertBalanced([
        line('1304', 700, 0),
        line('1303', 0, 500),
        line('1132', 0, 200),
        line('7001', 900, 0),
        line('7002', 0, 900),
      ]),
    ).not.toThrow();
  });

  it('refuses lines that do not balance, naming the difference', () => {
    expect(() => assertBalanced([line('1304', 500, 0), line('1303', 0, 499)])).toThrow(
      new UnbalancedEntryError('balance-sheet lines do not balance: debits − credits = 1 fen'),
    );
  });

  it('refuses a balance-sheet line balanced against a memo account: each part of the trial balance must sum to zero alone', () => {
    expect(() => assertBalanced([line('1002', 500, 0), line('7001', 0, 500)])).toThrow(
      UnbalancedEntryError,
    );
    expect(netFen([line('1002', 500, 0), line('7001', 0, 500)])).toEqual({
      onBalanceFen: 500,
      memoFen: -500,
    });
  });

  it('refuses a line with both sides, no side, or fractions of a fen', () => {
    expect(() => assertBalanced([line('1304', 5, 5)])).toThrow(/exactly one positive side/);
    expect(() => assertBalanced([line('1304', 0, 0)])).toThrow(/exactly one positive side/);
    expect(() => assertBalanced([line('1304', 0.5, 0), line('1303', 0, 0.5)])).toThrow(/whole fen/);
  });
});
