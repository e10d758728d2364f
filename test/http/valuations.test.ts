import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoValuationApp,
  fen,
  send,
  valued,
  type T,
  type Valuation,
} from '../valuation/demo-valuation';

type Json = Record<string, any>;
type Problem = { detail: string; errors?: { field: string; message: string }[] };

const sum = (amounts: string[]) => amounts.reduce((total, amount) => total + fen(amount), 0);
/** A valuation's numbers without what names the stored row. */
const numbersOf = ({ id: _id, name: _name, createdAt: _at, ...rest }: Valuation) => rest;

let t: T;
let curveSetId: number;
let portfolioId: number;
let base: Valuation;
const terms = { discountRateAnnual: 0.12, targetIrrAnnual: 0.25, simulations: 200 };

beforeAll(async () => {
  ({ t, curveSetId, portfolioId } = await demoValuationApp());
  base = await valued(t, portfolioId, { curveSetId, ...terms });
}, 60_000);

describe('POST /portfolios/{id}/valuations: the numbers', () => {
  it('values the loans on offer, as the portfolio summary counts them, at their claim at the cut-off', async () => {
    const summary = (
      (await (await send(t, 'GET', `/portfolios/${portfolioId}`, 'risk')).json()) as Json
    ).summary;
    expect(base).toMatchObject({
      portfolioId,
      curveSetId,
      valuationDate: '2026-09-30',
      horizonMonths: 120,
      seed: 1,
      simulations: 200,
      notes: [],
    });
    expect(base.loans).toBe(summary.loans);
    expect(base.measures.face).toBe(summary.claim);
    expect(base.segments.map((s) => s.segment)).toEqual([
      'product=cash_loan',
      'product=consumer_loan',
      'product=credit_card',
      'product=small_business',
    ]);
    expect(base.segments.every((s) => s.curve === s.segment)).toBe(true);
    expect(base.segments.reduce((n, s) => n + s.loans, 0)).toBe(base.loans);
    expect(sum(base.segments.map((s) => s.face))).toBe(fen(base.measures.face));
  });

  it('gives each segment its expected collections, adding up to the fen to ERC, costs and net', () => {
    const segments = base.segments;
    expect(sum(segments.map((s) => s.expectedGross!))).toBe(fen(base.measures.erc));
    expect(sum(segments.map((s) => s.expectedCosts!))).toBe(fen(base.measures.costs));
    expect(sum(segments.map((s) => s.expectedNet!))).toBe(fen(base.measures.netCollections));
    for (const s of segments) {
      expect(fen(s.expectedNet!)).toBe(fen(s.expectedGross!) - fen(s.expectedCosts!));
      expect(fen(s.expectedGross!)).toBeGreaterThan(0);
    }
    // The segments differ: their curves and balances do.
    expect(new Set(segments.map((s) => s.expectedGross)).size).toBe(segments.length);
  });

  it('gives monthly flows that add up, to the fen, to ERC, costs and net collections', () => {
    const { monthly, measures } = base;
    expect(monthly).toHaveLength(120);
    expect(monthly[0]).toMatchObject({ month: 1, date: '2026-10-31' });
    expect(monthly[3]?.date).toBe('2027-01-31');
    expect(monthly[119]?.date).toBe('2036-09-30');
    for (const m of monthly) {
      expect(fen(m.costs)).toBe(fen(m.commission) + fen(m.legal) + fen(m.fixed));
      expect(fen(m.net)).toBe(fen(m.gross) - fen(m.costs));
    }
    expect(sum(monthly.map((m) => m.gross))).toBe(fen(measures.erc));
    expect(sum(monthly.map((m) => m.costs))).toBe(fen(measures.costs));
    expect(sum(monthly.map((m) => m.net))).toBe(fen(measures.netCollections));
    expect(fen(measures.erc) - fen(measures.costs)).toBe(fen(measures.netCollections));
  });

  it('prices at the target IRR below the NPV at the lower discount rate, with multiples and payback at that price', () => {
    const { measures } = base;
    expect(fen(measures.price)).toBeGreaterThan(0);
    expect(fen(measures.price)).toBeLessThan(fen(measures.npv));
    expect(measures.priceShareOfFace).toBeCloseTo(fen(measures.price) / fen(measures.face), 8);
    expect(measures.grossMultiple).toBeCloseTo(fen(measures.erc) / fen(measures.price), 6);
    expect(measures.netMultiple).toBeCloseTo(fen(measures.netCollections) / fen(measures.price), 6);
    const paidBack = (months: number) => sum(base.monthly.slice(0, months).map((m) => m.net));
    expect(paidBack(measures.paybackMonth!)).toBeGreaterThanOrEqual(fen(measures.price));
    expect(paidBack(measures.paybackMonth! - 1)).toBeLessThan(fen(measures.price));
  });

  it('holds the price and the NPV in the sensitivity grid, prices rising with recoveries and falling with the rate', () => {
    const { sensitivity, measures } = base;
    expect(sensitivity.recoveryShocks).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2]);
    expect(sensitivity.discountRatesAnnual).toEqual([0.08, 0.12, 0.16, 0.2, 0.25]);
    expect(sensitivity.prices[3]?.[4]).toBe(measures.price);
    expect(sensitivity.prices[3]?.[1]).toBe(measures.npv);
    for (const row of sensitivity.prices)
      expect(row.map(fen)).toEqual([...row.map(fen)].sort((a, b) => b - a));
    const atTarget = sensitivity.prices.map((row) => fen(row[4]!));
    expect(atTarget).toEqual([...atTarget].sort((a, b) => a - b));
  });

  it('brackets the expected values with the bootstrap P5 ≤ P50 ≤ P95', () => {
    const { distribution, measures } = base;
    expect(distribution).toMatchObject({ seed: 1, simulations: 200 });
    for (const band of [distribution.gross, distribution.npv, distribution.price]) {
      expect(fen(band.p5)).toBeLessThanOrEqual(fen(band.p50));
      expect(fen(band.p50)).toBeLessThanOrEqual(fen(band.p95));
    }
    expect(fen(distribution.gross.p5)).toBeLessThan(fen(measures.erc));
    expect(fen(distribution.gross.p95)).toBeGreaterThan(fen(measures.erc));
    // Net collections have their band too, around the expected net.
    const net = distribution.net!;
    expect(fen(net.p5)).toBeLessThanOrEqual(fen(net.p50));
    expect(fen(net.p50)).toBeLessThanOrEqual(fen(net.p95));
    expect(fen(net.p5)).toBeLessThan(fen(measures.netCollections));
    expect(fen(net.p95)).toBeGreaterThan(fen(measures.netCollections));
    expect(fen(net.p95)).toBeLessThan(fen(distribution.gross.p95));
  });

  it('sets the price against the NPV of collecting in house, which pays no agency commission', () => {
    const { holdOrSell, measures } = base;
    expect(holdOrSell.price).toBe(measures.price);
    expect(fen(holdOrSell.difference)).toBe(fen(holdOrSell.price) - fen(holdOrSell.inHouseNpv));
    expect(fen(holdOrSell.inHouseNpv)).toBeGreaterThan(fen(measures.npv));
    expect(holdOrSell.recommendation).toBe(
      fen(holdOrSell.price) > fen(holdOrSell.inHouseNpv) ? 'sell' : 'hold',
    );
  });

  it('recommends selling when the buyer pays more than collecting in house is worth to the seller', async () => {
    // A seller who must discount at 60 % a year and whose own collectors cost 60 % of what they collect.
    const costly = await valued(t, portfolioId, {
      curveSetId,
      discountRateAnnual: 0.6,
      targetIrrAnnual: 0.15,
      simulations: 20,
      costOverrides: { commissionRateByChannel: { in_house: 0.6 } },
    });
    expect(fen(costly.holdOrSell.price)).toBeGreaterThan(fen(costly.holdOrSell.inHouseNpv));
    expect(costly.holdOrSell.recommendation).toBe('sell');
  });
});

describe('POST /portfolios/{id}/valuations: the inputs', () => {
  it('gives the same numbers for the same inputs and seed, and another distribution for another seed', async () => {
    const again = await valued(t, portfolioId, { curveSetId, ...terms });
    expect(again.id).not.toBe(base.id);
    expect(numbersOf(again)).toEqual(numbersOf(base));
    const reseeded = await valued(t, portfolioId, { curveSetId, ...terms, seed: 2 });
    expect(reseeded.measures).toEqual(base.measures);
    expect(reseeded.distribution.gross).not.toEqual(base.distribution.gross);
    expect(reseeded.distribution.seed).toBe(2);
  });

  it('uses one rate for both when only one is given, and says so', async () => {
    const onlyTarget = await valued(t, portfolioId, {
      curveSetId,
      targetIrrAnnual: 0.25,
      simulations: 20,
    });
    expect(onlyTarget).toMatchObject({ discountRateAnnual: 0.25, targetIrrAnnual: 0.25 });
    expect(onlyTarget.notes).toEqual([expect.stringContaining('no discount rate given')]);
    expect(onlyTarget.measures.npv).toBe(onlyTarget.measures.price);
    const onlyDiscount = await valued(t, portfolioId, {
      curveSetId,
      discountRateAnnual: 0.12,
      simulations: 20,
    });
    expect(onlyDiscount).toMatchObject({ discountRateAnnual: 0.12, targetIrrAnnual: 0.12 });
    expect(onlyDiscount.notes).toEqual([expect.stringContaining('no target IRR given')]);
  });

  it('applies cost overrides and the litigation plan: legal costs fall in month 1 for each litigated loan', async () => {
    const loans = (
      (await (
        await send(t, 'GET', `/portfolios/${portfolioId}/loans?limit=3&verdict=eligible`, 'risk')
      ).json()) as Json
    ).items.map((item: Json) => item.loanId);
    const request = {
      curveSetId,
      ...terms,
      simulations: 20,
      litigationPlan: { statuses: [], loanIds: loans },
      costOverrides: {
        legalCostPerLitigatedAccount: '1500',
        fixedCostPerAccountMonth: '0.50',
        commissionRateByChannel: { agency: 0.5 },
      },
    };
    const overridden = await valued(t, portfolioId, request);
    expect(overridden.litigatedLoans).toBe(3);
    expect(overridden.monthly[0]?.legal).toBe('4500.00');
    expect(overridden.monthly.slice(1).every((m) => m.legal === '0.00')).toBe(true);
    expect(overridden.costModel).toMatchObject({
      legalCostPerLitigatedAccount: '1500.00',
      fixedCostPerAccountMonth: '0.50',
    });
    expect(overridden.costModel.commissionRateByChannel.agency).toBe(0.5);
    expect(overridden.inputs.costOverrides).toEqual(request.costOverrides);
    expect(overridden.measures.erc).toBe(base.measures.erc);
    expect(fen(overridden.measures.costs)).not.toBe(fen(base.measures.costs));
    const allInHouse = await valued(t, portfolioId, {
      ...request,
      costOverrides: {
        channelMixByAge: [{ in_house: 1 }],
        commissionRateByChannel: { in_house: 0 },
      },
    });
    expect(allInHouse.monthly.every((m) => m.commission === '0.00')).toBe(true);
  });

  it('values on a shorter horizon and on a later valuation date, the loans a month older', async () => {
    const short = await valued(t, portfolioId, {
      curveSetId,
      ...terms,
      simulations: 20,
      horizonMonths: 84,
    });
    expect(short.monthly).toHaveLength(84);
    expect(fen(short.measures.erc)).toBeLessThan(fen(base.measures.erc));
    const later = await valued(t, portfolioId, {
      curveSetId,
      ...terms,
      simulations: 20,
      valuationDate: '2026-10-31',
    });
    expect(later.monthly[0]?.date).toBe('2026-11-30');
    expect(later.monthly[0]?.gross).toBe(base.monthly[1]?.gross);
  });

  it('takes the book curve for a loan whose segment the curve set does not have', async () => {
    const bookOnly = (await (
      await send(t, 'POST', '/curves', 'risk', { name: 'whole book', asOf: '2026-09-30' })
    ).json()) as Json;
    const valuation = await valued(t, portfolioId, {
      curveSetId: bookOnly.id,
      ...terms,
      simulations: 20,
    });
    expect(valuation.segments).toEqual([
      {
        segment: 'all',
        curve: 'all',
        loans: base.loans,
        face: base.measures.face,
        expectedGross: valuation.measures.erc,
        expectedCosts: valuation.measures.costs,
        expectedNet: valuation.measures.netCollections,
      },
    ]);
  });
});

describe('stored valuations', () => {
  it('are returned as stored and listed per portfolio, newest first, without their flows', async () => {
    expect(await (await send(t, 'GET', `/valuations/${base.id}`, 'risk')).json()).toEqual(base);
    const list = (await (
      await send(t, 'GET', `/portfolios/${portfolioId}/valuations`, 'risk')
    ).json()) as Json[];
    expect(list.length).toBeGreaterThan(1);
    expect(list[0]!.id).toBeGreaterThan(list[1]!.id);
    const summary = list.find((item) => item.id === base.id)!;
    expect(summary).toMatchObject({
      loans: base.loans,
      face: base.measures.face,
      price: base.measures.price,
      npv: base.measures.npv,
      recommendation: base.holdOrSell.recommendation,
    });
    expect(summary.monthly).toBeUndefined();
  });

  it('cannot be changed or deleted: the database refuses', () => {
    expect(() =>
      t.db.$client.prepare("update valuations set results = '{}' where id = ?").run(base.id),
    ).toThrow(/immutable/);
    expect(() => t.db.$client.prepare('delete from valuations where id = ?').run(base.id)).toThrow(
      /immutable/,
    );
  });

  it('are recorded in the audit trail with who valued what', () => {
    const event = t.db.$client
      .prepare(
        "select actor, action, detail from audit_events where target_type = 'valuation' and target_id = ?",
      )
      .get(String(base.id)) as { actor: string; action: string; detail: string };
    expect(event).toMatchObject({
      actor: 'risk@demo.local',
      action: 'valuation.valuation.created',
    });
    expect(JSON.parse(event.detail)).toMatchObject({
      portfolioId,
      curveSetId,
      loans: base.loans,
      priceFen: fen(base.measures.price),
      seed: 1,
      simulations: 200,
    });
  });

  it('replays a repeated Idempotency-Key without storing twice, and refuses the key for another request', async () => {
    const count = () =>
      (t.db.$client.prepare('select count(*) as n from valuations').get() as { n: number }).n;
    const headers = { 'Idempotency-Key': 'valuation-1' };
    const body = { curveSetId, ...terms, simulations: 10 };
    const first = await send(
      t,
      'POST',
      `/portfolios/${portfolioId}/valuations`,
      'risk',
      body,
      headers,
    );
    const before = count();
    const again = await send(
      t,
      'POST',
      `/portfolios/${portfolioId}/valuations`,
      'risk',
      body,
      headers,
    );
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(count()).toBe(before);
    expect(
      (
        await send(
          t,
          'POST',
          `/portfolios/${portfolioId}/valuations`,
          'risk',
          { ...body, seed: 9 },
          headers,
        )
      ).status,
    ).toBe(422);
  });
});

describe('POST /portfolios/{id}/valuations: errors', () => {
  const post = (id: number, body: Json) =>
    send(t, 'POST', `/portfolios/${id}/valuations`, 'risk', body);
  const problem = async (response: Response) => (await response.json()) as Problem;

  it('answers 404 for an unknown portfolio or curve set', async () => {
    expect((await post(999, { curveSetId, ...terms })).status).toBe(404);
    const response = await post(portfolioId, { curveSetId: 999, ...terms });
    expect(response.status).toBe(404);
    expect((await problem(response)).detail).toContain('curve set 999');
    expect((await send(t, 'GET', '/valuations/999', 'risk')).status).toBe(404);
    expect((await send(t, 'GET', '/portfolios/999/valuations', 'risk')).status).toBe(404);
  });

  it('answers 422 naming each bad field', async () => {
    const noRate = await post(portfolioId, { curveSetId });
    expect(noRate.status).toBe(422);
    expect((await problem(noRate)).errors?.map((e) => e.field)).toEqual([
      'json.discountRateAnnual',
    ]);
    const bad = await post(portfolioId, {
      curveSetId,
      ...terms,
      horizonMonths: 100,
      simulations: 6000,
      sensitivity: { recoveryShocks: [] },
      costOverrides: {
        channelMixByAge: [{ agency: 0.5 }],
        commissionRateByChannel: { agency: 1.5 },
        legalCostPerLitigatedAccount: '-3',
      },
    });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'json.horizonMonths',
        'json.simulations',
        'json.sensitivity.recoveryShocks',
        'json.costOverrides.channelMixByAge',
        'json.costOverrides.commissionRateByChannel.agency',
        'json.costOverrides.legalCostPerLitigatedAccount',
      ]),
    );
    const notOnOffer = await post(portfolioId, {
      curveSetId,
      ...terms,
      litigationPlan: { loanIds: ['NO-SUCH-LOAN'] },
    });
    expect(notOnOffer.status).toBe(422);
    expect((await problem(notOnOffer)).errors).toEqual([
      { field: 'json.litigationPlan.loanIds', message: expect.stringContaining('NO-SUCH-LOAN') },
    ]);
  });

  it("answers 409 when the valuation date precedes a loan's charge-off or the horizon outruns the curve set", async () => {
    const early = await post(portfolioId, { curveSetId, ...terms, valuationDate: '2026-09-01' });
    expect(early.status).toBe(409);
    expect((await problem(early)).detail).toMatch(
      /charged off on 2026-09-\d\d, after the valuation date 2026-09-01/,
    );
    const short = (await (
      await send(t, 'POST', '/curves', 'risk', { name: '84 months', horizonMonths: 84 })
    ).json()) as Json;
    const long = await post(portfolioId, { curveSetId: short.id, ...terms, horizonMonths: 120 });
    expect(long.status).toBe(409);
    expect((await problem(long)).detail).toContain('longer than curve set');
  });

  it("refuses a finance user (403): valuations are the risk team's", async () => {
    expect(
      (
        await send(t, 'POST', `/portfolios/${portfolioId}/valuations`, 'finance', {
          curveSetId,
          ...terms,
        })
      ).status,
    ).toBe(403);
    expect((await send(t, 'GET', `/valuations/${base.id}`, 'buyer')).status).toBe(403);
  });
});
