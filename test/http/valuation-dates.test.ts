import { describe, expect, it } from 'vitest';
import { defaultPortfolioBands } from '../../src/shared/config';
import { demoValuationApp, send, valued } from '../valuation/demo-valuation';

type Json = Record<string, any>;

describe('a valuation reads every dimension at the valuation date', () => {
  it('puts each loan on the charge-off-age curve of its age at the valuation date, not at the curve set date', async () => {
    const { t, portfolioId } = await demoValuationApp();
    // Curves fitted a year before the portfolio's cut-off: a loan charged off last month was
    // not even charged off then.
    const curveSet = (await (
      await send(t, 'POST', '/curves', 'risk', {
        name: 'by charge-off age',
        asOf: '2025-09-30',
        dimensions: ['charge_off_age'],
      })
    ).json()) as Json;
    expect(curveSet.id).toBeTypeOf('number');
    const valuation = await valued(t, portfolioId, {
      curveSetId: curveSet.id,
      valuationDate: '2026-09-30',
      discountRateAnnual: 0.12,
      simulations: 10,
    });
    const loans: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await send(
          t,
          'GET',
          `/portfolios/${portfolioId}/loans?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
          'risk',
        )
      ).json()) as Json;
      // The loans on offer: what the screening did not exclude.
      loans.push(...(page.items as Json[]).filter((loan) => loan.verdict !== 'excluded'));
      cursor = page.nextCursor;
    } while (cursor);
    const classOf = (months: number) =>
      defaultPortfolioBands.chargeOffAge.findLast((c) => months >= c.fromMonths)!.label;
    const expected = new Map<string, number>();
    for (const loan of loans) {
      const segment = `charge_off_age=${classOf(loan.monthsSinceChargeOff)}`;
      expected.set(segment, (expected.get(segment) ?? 0) + 1);
    }
    expect(loans.length).toBe(valuation.loans);
    expect(
      new Map(valuation.segments.map((s) => [s.segment, s.loans] as [string, number])),
    ).toEqual(expected);
  }, 60_000);
});
