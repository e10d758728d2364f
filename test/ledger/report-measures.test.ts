import { describe, expect, it } from 'vitest';
import { registerStatus } from '../../src/ledger/reports';
import { trialBalance, type AccountTotal } from '../../src/ledger/trial-balance';
import { sumFlows, writeOffMeasures } from '../../src/ledger/write-off-measures';
import { asFen } from '../../src/shared';

const account = (
  code: string,
  type: AccountTotal['type'],
  debitFen: number,
  creditFen: number,
): AccountTotal => ({
  code,
  nameZh: code,
  nameEn: code,
  type,
  debitFen: asFen(debitFen),
  creditFen: asFen(creditFen),
});

describe('trial balance', () => {
  it('puts memo accounts in their own section and totals each section', () => {
    const balance = trialBalance('2026-06-30', [
      account('1303', 'asset', 0, 800),
      account('1304', 'asset', 800, 0),
      account('7001', 'off_balance', 900, 100),
      account('7002', 'off_balance', 100, 900),
    ]);
    expect(balance.balanceSheet).toMatchObject({ debitFen: 800, creditFen: 800, balanced: true });
    expect(balance.balanceSheet.accounts.map((a) => [a.code, a.balanceFen])).toEqual([
      ['1303', -800],
      ['1304', 800],
    ]);
    expect(balance.offBalance).toMatchObject({ debitFen: 1000, creditFen: 1000, balanced: true });
  });

  it('says so when a section does not balance', () => {
    expect(trialBalance('2026-06-30', [account('1002', 'asset', 5, 0)]).balanceSheet.balanced).toBe(
      false,
    );
  });
});

describe('write-off report measures', () => {
  it('nets recoveries from write-offs and gives the recovery rate to 4 decimals', () => {
    expect(
      writeOffMeasures({
        loansWrittenOff: 3,
        writtenOffFen: asFen(30_000),
        recoveredFen: asFen(1_000),
      }),
    ).toEqual({
      loansWrittenOff: 3,
      writtenOffFen: 30_000,
      recoveredFen: 1_000,
      netChargeOffFen: 29_000,
      recoveryRate: 0.0333,
    });
  });

  it('has no recovery rate for a month with recoveries but nothing written off', () => {
    expect(
      writeOffMeasures({ loansWrittenOff: 0, writtenOffFen: asFen(0), recoveredFen: asFen(500) }),
    ).toMatchObject({ netChargeOffFen: -500, recoveryRate: null });
  });

  it('sums flows into totals', () => {
    const row = { loansWrittenOff: 1, writtenOffFen: asFen(10), recoveredFen: asFen(2) };
    expect(sumFlows([row, row])).toEqual({
      loansWrittenOff: 2,
      writtenOffFen: 20,
      recoveredFen: 4,
    });
  });

  it('calls a claim sold once any of it is sold, recovered when nothing is left, else on file', () => {
    expect(registerStatus({ soldFen: asFen(10), balanceFen: asFen(0) })).toBe('sold');
    expect(registerStatus({ soldFen: asFen(0), balanceFen: asFen(0) })).toBe('recovered');
    expect(registerStatus({ soldFen: asFen(0), balanceFen: asFen(1) })).toBe('on_file');
  });
});
