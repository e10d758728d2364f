import { describe, expect, it } from 'vitest';
import { integerBands } from '../../src/portfolios/strats/bands';
import type { DimensionScale } from '../../src/portfolios/strats/dimensions';
import { roundedRatio, stratTable, type StratSums } from '../../src/portfolios/strats/strat-table';

const sums = (loans: number, claimFen: number, months: number, dpd: number): StratSums => ({
  loans: BigInt(loans),
  claimFen: BigInt(claimFen),
  principalFen: BigInt(claimFen - loans * 100),
  claimMonths: BigInt(claimFen * months),
  claimDpd: BigInt(claimFen * dpd),
});

const bands: DimensionScale = {
  kind: 'band',
  scale: integerBands([0, 6, 12]),
  unknownKey: 'unknown',
};
const values: DimensionScale = { kind: 'value', unknownKey: 'unknown' };

describe('stratification tables', () => {
  it('give each row its share of loans and claim, its average claim and claim-weighted averages', () => {
    const table = stratTable(
      [
        { group: 1, sums: sums(1, 300_000, 9, 400) },
        { group: 0, sums: sums(2, 100_000, 3, 200) },
      ],
      bands,
    );
    expect(table.rows).toEqual([
      {
        key: '0–5',
        loans: 2,
        loansPct: 66.67,
        claimFen: 100_000,
        claimPct: 25,
        principalFen: 99_800,
        averageClaimFen: 50_000,
        waMonthsSinceChargeOff: 3,
        waDpd: 200,
      },
      {
        key: '6–11',
        loans: 1,
        loansPct: 33.33,
        claimFen: 300_000,
        claimPct: 75,
        principalFen: 299_900,
        averageClaimFen: 300_000,
        waMonthsSinceChargeOff: 9,
        waDpd: 400,
      },
    ]);
    expect(table.totals).toEqual({
      key: 'total',
      loans: 3,
      loansPct: 100,
      claimFen: 400_000,
      claimPct: 100,
      principalFen: 399_700,
      averageClaimFen: 133_333,
      waMonthsSinceChargeOff: 7.5,
      waDpd: 350,
    });
  });

  it('put band rows in band order and the unknown row last', () => {
    const table = stratTable(
      [
        { group: null, sums: sums(1, 5, 0, 0) },
        { group: 2, sums: sums(1, 5, 0, 0) },
        { group: 0, sums: sums(1, 5, 0, 0) },
      ],
      bands,
    );
    expect(table.rows.map((row) => row.key)).toEqual(['0–5', '12+', 'unknown']);
  });

  it('put value rows largest claim first, then by key', () => {
    const table = stratTable(
      [
        { group: '江苏', sums: sums(1, 5, 0, 0) },
        { group: '广东', sums: sums(1, 9, 0, 0) },
        { group: '北京', sums: sums(1, 5, 0, 0) },
      ],
      values,
    );
    expect(table.rows.map((row) => row.key)).toEqual(['广东', '北京', '江苏']);
  });

  it('keep claim-weighted sums exact past 2^53', () => {
    const huge: StratSums = {
      loans: 1_000_000n,
      claimFen: 10n ** 13n,
      principalFen: 0n,
      claimMonths: 0n,
      claimDpd: 10n ** 13n * 1_234n + 1n,
    };
    expect(stratTable([{ group: 0, sums: huge }], bands).totals.waDpd).toBe(1234);
  });

  it('refuse a band the scale does not have', () => {
    expect(() => stratTable([{ group: 5, sums: sums(1, 1, 0, 0) }], bands)).toThrow(
      /outside the scale/,
    );
  });

  it('give an empty table zero totals and no averages', () => {
    expect(stratTable([], bands).totals).toMatchObject({
      loans: 0,
      loansPct: 0,
      claimFen: 0,
      averageClaimFen: null,
      waDpd: null,
    });
  });
});

describe('rounded ratios', () => {
  it('round half up on integers', () => {
    expect(roundedRatio(2n, 3n, 2)).toBe(0.67);
    expect(roundedRatio(1n, 8n, 2)).toBe(0.13);
    expect(roundedRatio(5n, 2n, 0)).toBe(3);
    expect(roundedRatio(1n, 0n, 2)).toBeNull();
  });
});
