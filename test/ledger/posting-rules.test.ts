import { describe, expect, it } from 'vitest';
import { accounts } from '../../src/ledger/accounts';
import type { JournalLineDraft } from '../../src/ledger/journal-line';
import { defaultLedgerPolicy, type LedgerPolicy } from '../../src/ledger/policy';
import { recoveryLines, splitRecovery } from '../../src/ledger/recovery-lines';
import { reversalLines } from '../../src/ledger/reversal-lines';
import { saleLines } from '../../src/transfer/sale/sale-lines';
import { writeOffLines } from '../../src/ledger/write-off-lines';
import { asFen, claimFen } from '../../src/shared';

/** Net debit (debit − credit) per account. */
function netByAccount(lines: readonly JournalLineDraft[]): Record<string, number> {
  const net: Record<string, number> = {};
  for (const line of lines)
    net[line.accountCode] = (net[line.accountCode] ?? 0) + line.debitFen - line.creditFen;
  return net;
}

const claim = {
  loanId: 'L1',
  principalFen: asFen(800_000),
  interestFen: asFen(50_000),
  feeFen: asFen(10_000),
  penaltyFen: asFen(5_000),
};
const policy = (overrides: Partial<LedgerPolicy>): LedgerPolicy => ({
  ...defaultLedgerPolicy,
  ...overrides,
});

describe('write-off lines', () => {
  it('provides for the principal, takes it against the allowance, reverses interest, penalty and fees against income, and puts the full claim on file', () => {
    expect(netByAccount(writeOffLines(claim, policy({ accruedReversal: 'income' })))).toEqual({
      [accounts.creditImpairmentLoss]: 800_000,
      [accounts.loanLossAllowance]: 0,
      [accounts.loansReceivable]: -800_000,
      [accounts.interestIncome]: 55_000,
      [accounts.interestReceivable]: -55_000,
      [accounts.feeIncome]: 10_000,
      [accounts.feesReceivable]: -10_000,
      [accounts.writtenOffMemo]: 865_000,
      [accounts.writtenOffMemoContra]: -865_000,
    });
    expect(claimFen(claim)).toBe(865_000);
  });

  it('reverses accrued interest and fees against the allowance when so configured', () => {
    const lines = writeOffLines(claim, policy({ accruedReversal: 'allowance' }));
    const charged = lines
      .filter((line) => line.accountCode === accounts.loanLossAllowance)
      .reduce((sum, line) => sum + line.debitFen, 0);
    expect(charged).toBe(865_000);
    const net = netByAccount(lines);
    // Provided for in full first, so the allowance ends where it was.
    expect(net[accounts.creditImpairmentLoss]).toBe(865_000);
    expect(net[accounts.loanLossAllowance]).toBe(0);
    expect(net[accounts.interestIncome]).toBeUndefined();
  });

  it('ties every line to the loan and writes no line for a zero component', () => {
    const lines = writeOffLines(
      { ...claim, feeFen: asFen(0), penaltyFen: asFen(0), interestFen: asFen(0) },
      defaultLedgerPolicy,
    );
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => line.loanId === 'L1')).toBe(true);
  });
});

describe('recoveries after write-off', () => {
  it('applies a payment up to the claim on file and keeps the excess apart', () => {
    expect(splitRecovery(asFen(300), asFen(1_000))).toEqual({ appliedFen: 300, excessFen: 0 });
    expect(splitRecovery(asFen(500), asFen(300))).toEqual({ appliedFen: 300, excessFen: 200 });
    expect(splitRecovery(asFen(500), asFen(0))).toEqual({ appliedFen: 0, excessFen: 500 });
    expect(() => splitRecovery(asFen(0), asFen(10))).toThrow(RangeError);
    expect(() => splitRecovery(asFen(10), asFen(-1))).toThrow(RangeError);
  });

  it('books Dr cash / Cr allowance, the excess to overpayments, and lowers the memo claim by the applied part', () => {
    const net = netByAccount(
      recoveryLines('L1', { appliedFen: asFen(300), excessFen: asFen(200) }, defaultLedgerPolicy),
    );
    expect(net).toEqual({
      [accounts.cashAtBank]: 500,
      [accounts.loanLossAllowance]: -300,
      [accounts.overpaymentsPayable]: -200,
      [accounts.writtenOffMemo]: -300,
      [accounts.writtenOffMemoContra]: 300,
    });
  });

  it('credits recovery income instead when so configured', () => {
    const net = netByAccount(
      recoveryLines(
        'L1',
        { appliedFen: asFen(300), excessFen: asFen(0) },
        policy({ recoveriesTo: 'recovery_income' }),
      ),
    );
    expect(net[accounts.recoveryIncome]).toBe(-300);
    expect(net[accounts.loanLossAllowance]).toBeUndefined();
  });
});

describe('sale and reversal lines', () => {
  it('books the price to gain on transfer (or the allowance) and takes the whole claim off file', () => {
    expect(
      netByAccount(
        saleLines('L1', asFen(4_000), asFen(90_000), policy({ saleProceedsTo: 'transfer_gain' })),
      ),
    ).toEqual({
      [accounts.cashAtBank]: 4_000,
      [accounts.transferGainLoss]: -4_000,
      [accounts.writtenOffMemo]: -90_000,
      [accounts.writtenOffMemoContra]: 90_000,
    });
    expect(
      netByAccount(
        saleLines('L1', asFen(4_000), asFen(90_000), policy({ saleProceedsTo: 'allowance' })),
      )[accounts.loanLossAllowance],
    ).toBe(-4_000);
  });

  it('reverses lines onto the opposite sides, so together they net to zero on every account', () => {
    const original = writeOffLines(claim, defaultLedgerPolicy);
    const both = netByAccount([...original, ...reversalLines(original)]);
    expect(Object.values(both).every((net) => net === 0)).toBe(true);
  });
});
