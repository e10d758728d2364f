import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBook, type DemoBookOptions } from '../../src/demo/book';
import { importDemoBook } from '../../src/demo/import-book';
import { stratDimensions } from '../../src/portfolios/strats/dimensions';
import { testApp } from '../helpers/test-app';

type Json = Record<string, any>;

const demo: DemoBookOptions = { loans: 3_000, seed: 42, asOf: '2026-09-30' };
const t = testApp({ clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' } });
const writtenOff = [...generateDemoBook(demo)]
  .map((record) => record.loan)
  .filter((loan) => loan.status === 'charged_off');

const send = async (method: string, path: string, body?: unknown) => {
  const response = await t.app.request(path, {
    method,
    headers: t.as('risk', { 'Content-Type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
};

let portfolio: Json;
let summary: Json;

beforeAll(async () => {
  await importDemoBook(t.deps, demo);
  portfolio = (
    await send('POST', '/portfolios', {
      name: 'Demo book, all written-off loans',
      cutOffDate: demo.asOf,
    })
  ).body;
  summary = (await send('GET', `/portfolios/${portfolio.id}`)).body.summary;
}, 60_000);

describe('a portfolio of the demo book', () => {
  it('takes every written-off loan of the book', () => {
    expect(portfolio.loans).toBe(writtenOff.length);
    expect(summary.loans + summary.excluded.loans).toBe(writtenOff.length);
  });

  it('excludes the bankrupt, the deceased, the fraudulent, the litigated and the time-barred, and says so loan by loan', async () => {
    const reasons = summary.excluded.reasons.map((reason: Json) => reason.id);
    for (const rule of [
      'bankrupt',
      'deceased',
      'fraud',
      'litigation_pending',
      'dispute_or_complaint',
      'settled_or_on_plan',
      'time_barred',
    ])
      expect(reasons).toContain(rule);
    const excluded = new Map<string, string[]>();
    for (let cursor: string | null = ''; cursor !== null;) {
      const page: Json = (
        await send(
          'GET',
          `/portfolios/${portfolio.id}/loans?verdict=excluded&limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
      for (const item of page.items)
        excluded.set(
          item.loanId,
          item.rules.map((rule: Json) => rule.id),
        );
      cursor = page.nextCursor;
    }
    for (const loan of writtenOff) {
      if (loan.deceased) expect(excluded.get(loan.loanId), loan.loanId).toContain('deceased');
      if (loan.bankrupt) expect(excluded.get(loan.loanId), loan.loanId).toContain('bankrupt');
      if (loan.fraud) expect(excluded.get(loan.loanId), loan.loanId).toContain('fraud');
    }
    expect(excluded.size).toBe(summary.excluded.loans);
  });

  it('has strats whose totals equal the summary to the fen on every dimension', async () => {
    for (const by of stratDimensions) {
      const { body } = await send('GET', `/portfolios/${portfolio.id}/strats?by=${by}`);
      expect(body.totals, by).toMatchObject({
        loans: summary.loans,
        claim: summary.claim,
        principal: summary.principal,
        averageClaim: summary.averageClaim,
        waDpd: summary.waDpd,
        waMonthsSinceChargeOff: summary.waMonthsSinceChargeOff,
      });
      const rowClaimFen = body.rows.reduce(
        (sum: number, row: Json) => sum + Math.round(Number(row.claim) * 100),
        0,
      );
      expect(rowClaimFen, by).toBe(Math.round(Number(summary.claim) * 100));
    }
  });

  it('carries the placement stages and litigation statuses of the tape into its strats', async () => {
    const stages = (
      await send('GET', `/portfolios/${portfolio.id}/strats?by=placement_stage`)
    ).body.rows.map((row: Json) => row.key);
    expect([...stages].sort()).toEqual(['fresh', 'primary', 'secondary', 'tertiary']);
    const litigation = (
      await send('GET', `/portfolios/${portfolio.id}/strats?by=litigation_status`)
    ).body.rows.map((row: Json) => row.key);
    expect(litigation).toEqual(expect.arrayContaining(['none', 'judgment', 'enforcement']));
    expect(litigation).not.toContain('filed');
  });

  it('splits into fresh, primary, secondary and tertiary paper', async () => {
    const { status, body } = await send('POST', `/portfolios/${portfolio.id}/split`, {
      by: 'charge_off_age',
    });
    expect(status).toBe(201);
    expect(body.lots.map((lot: Json) => lot.lotLabel)).toEqual([
      'charge_off_age: fresh',
      'charge_off_age: primary',
      'charge_off_age: secondary',
      'charge_off_age: tertiary',
    ]);
    expect(body.lots.reduce((sum: number, lot: Json) => sum + lot.loans, 0)).toBe(summary.loans);
  });
});

describe('a portfolio of the demo book under the US pack', () => {
  it('leaves out the accounts whose documents are missing', async () => {
    const us = testApp({
      clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' },
    });
    await importDemoBook(us.deps, { ...demo, loans: 1_000 });
    const response = await us.app.request('/portfolios', {
      method: 'POST',
      headers: us.as('risk', { 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        name: 'US practice',
        cutOffDate: demo.asOf,
        rulePack: 'us-debt-sale',
      }),
    });
    const { id } = (await response.json()) as Json;
    const { summary: usSummary } = (await (
      await us.app.request(`/portfolios/${id}`, { headers: us.as('risk') })
    ).json()) as Json;
    const reasons = usSummary.excluded.reasons.map((reason: Json) => reason.id);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'missing_documents',
        'over_three_years_in_default',
        'dispute_or_litigation',
      ]),
    );
  }, 30_000);
});
