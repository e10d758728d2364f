import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asFen } from '../../src/shared';
import { stratifiedLots, type LotCandidate } from '../../src/portfolios/lots/lots';

/** A seeded book: log-normal claims (median 8,000 yuan), three products × four ages of paper. */
function book(loans: number, seed = 7): LotCandidate[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state + 0.5) / 4_294_967_296;
  };
  return Array.from({ length: loans }, () => {
    const normal = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
    const product = ['card', 'cash', 'consumer'][Math.floor(next() * 3)]!;
    const age = ['fresh', 'primary', 'secondary', 'tertiary'][Math.floor(next() * 4)]!;
    return {
      claimFen: asFen(Math.round(800_000 * Math.exp(0.9 * normal))),
      stratum: `${product} · ${age}`,
    };
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('stratified lots', () => {
  const candidates = book(20_000);
  const lotCount = 4;
  const lotOf = stratifiedLots(candidates, lotCount);
  const claimOf = (lot: number, stratum?: string) =>
    sum(
      candidates
        .filter((c, i) => lotOf[i] === lot && (stratum === undefined || c.stratum === stratum))
        .map((c) => c.claimFen),
    );
  const total = sum(candidates.map((c) => c.claimFen));

  it('give each lot a claim within 0.1 % of an equal share', () => {
    for (let lot = 0; lot < lotCount; lot++)
      expect(Math.abs(claimOf(lot) / (total / lotCount) - 1)).toBeLessThan(0.001);
  });

  it('give each lot the same mix of segments as the whole, within 0.1 percentage points', () => {
    for (const stratum of new Set(candidates.map((c) => c.stratum))) {
      const wholeShare =
        sum(candidates.filter((c) => c.stratum === stratum).map((c) => c.claimFen)) / total;
      for (let lot = 0; lot < lotCount; lot++)
        expect(Math.abs(claimOf(lot, stratum) / claimOf(lot) - wholeShare)).toBeLessThan(0.001);
    }
  });

  it('deal the same book out the same way every time', () => {
    expect(stratifiedLots(candidates, lotCount)).toEqual(lotOf);
  });

  it('put every loan in exactly one lot and leave each stratum unbalanced by at most its largest loan', () => {
    const candidate = fc.record({
      claimFen: fc.integer({ min: 0, max: 10_000_000 }).map(asFen),
      stratum: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        (loans, lots) => {
          const assigned = stratifiedLots(loans, lots);
          expect(assigned.length).toBe(loans.length);
          for (const lot of assigned) expect(lot >= 0 && lot < lots).toBe(true);
          for (const stratum of ['a', 'b', 'c']) {
            const members = loans
              .map((loan, i) => ({ ...loan, lot: assigned[i]! }))
              .filter((loan) => loan.stratum === stratum);
            const perLot = Array.from({ length: lots }, (_, lot) =>
              sum(members.filter((m) => m.lot === lot).map((m) => m.claimFen)),
            );
            const largest = Math.max(0, ...members.map((m) => m.claimFen));
            expect(Math.max(...perLot) - Math.min(...perLot)).toBeLessThanOrEqual(largest);
          }
        },
      ),
    );
  });

  it('refuse a lot count below 1', () => {
    expect(() => stratifiedLots([], 0)).toThrow(RangeError);
  });
});
