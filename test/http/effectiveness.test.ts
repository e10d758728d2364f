import type { z } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EffectivenessSchema } from '../../src/collections/effectiveness/effectiveness-schemas';
import { importDemoBook } from '../../src/demo/import-book';
import { daysBetween } from '../../src/shared/dates';
import { asFen, fixedClock } from '../../src/shared';
import { testApp, type TestUser } from '../helpers/test-app';
import { aWrittenOffLoan, insertLoans } from '../helpers/loans';

type T = ReturnType<typeof testApp>;
type Report = z.infer<typeof EffectivenessSchema>;

const get = (t: T, query: string, user: TestUser = 'risk') =>
  t.app.request(`/collections/effectiveness?${query}`, { headers: t.as(user) });
const report = async (t: T, query: string) => {
  const response = await get(t, query);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
};
const row = (r: Report, key: string) => r.rows.find((candidate) => candidate.key === key)!;

const TAPE_DATE = '2026-06-30';
/** Charged off at 180 days past due and still owed on the tape. */
const writtenOff = (loanId: string, chargeOffDate: string, chargeOffFen: number) =>
  aWrittenOffLoan({
    loanId,
    chargeOffDate,
    chargeOffFen: asFen(chargeOffFen),
    tapeDate: TAPE_DATE,
    daysPastDue: 180 + daysBetween(chargeOffDate, TAPE_DATE),
  });

/**
 * A: paid 100.00 in house, then 200.00 to its first agency (60.00 commission); its second agency took it over in 2026-01.
 * B: sued in 2025-08 while with its first agency (legal fee 50.00), then paid 500.00 through the court.
 * C: went bankrupt in its second month: worked in house only.
 */
function handBuiltBook(): T {
  const t = testApp();
  insertLoans(t.db, [
    writtenOff('A', '2025-01-10', 100_000),
    writtenOff('B', '2025-01-20', 200_000),
    writtenOff('C', '2025-02-05', 50_000),
  ]);
  const insert = t.db.$client.prepare(
    'insert into collection_events (loan_id, event_date, event_type, amount_fen, payment_channel, cost_kind, status_event) values (?, ?, ?, ?, ?, ?, ?)',
  );
  insert.run('A', '2025-01-20', 'cost', 500, null, 'sms_call', null);
  insert.run('A', '2025-02-01', 'payment', 10_000, 'in_house', null, null);
  insert.run('A', '2025-05-01', 'payment', 20_000, 'agency', null, null);
  insert.run('A', '2025-05-01', 'cost', 6_000, null, 'agency_commission', null);
  insert.run('B', '2025-08-10', 'status', null, null, null, 'litigation_filed');
  insert.run('B', '2025-08-10', 'cost', 5_000, null, 'legal_fee', null);
  insert.run('B', '2025-09-15', 'payment', 50_000, 'legal', null, null);
  insert.run('C', '2025-03-01', 'status', null, null, null, 'bankrupt');
  return t;
}

describe('GET /collections/effectiveness on a hand-built book', () => {
  it('reads placements off the ladder and measures each channel: placed, recovered, payers, cost-to-collect', async () => {
    const r = await report(handBuiltBook(), 'by=channel');
    expect(r).toMatchObject({ by: 'channel', from: null, to: null, dataEnd: TAPE_DATE });
    expect(r.rows.map((x) => x.key)).toEqual(['in_house', 'agency', 'legal']);
    expect(row(r, 'in_house')).toMatchObject({
      accountsWorked: 3,
      placements: 3,
      placed: '3500.00',
      recovered: '100.00',
      costs: '5.00',
      netRecovery: '95.00',
      payerRate: { within3Months: 1 / 3, within6Months: 1 / 3, within12Months: 1 / 3 },
    });
    expect(row(r, 'in_house').costToCollect).toBeCloseTo(0.05, 12);
    // A's primary (900.00 left) and secondary (700.00 left, still running), B's primary until it was sued.
    expect(row(r, 'agency')).toMatchObject({
      accountsWorked: 2,
      placements: 3,
      placed: '3600.00',
      recovered: '200.00',
      costs: '60.00',
      payerRate: { within3Months: 1 / 3, within6Months: 1 / 2, within12Months: 1 / 2 },
      maturedPlacements: { within3Months: 3, within6Months: 2, within12Months: 2 },
    });
    // B's year in court is not over on the tape date: no 12-month payer rate yet.
    expect(row(r, 'legal')).toMatchObject({
      accountsWorked: 1,
      placements: 1,
      placed: '2000.00',
      recovered: '500.00',
      costs: '50.00',
      costToCollect: 0.1,
      payerRate: { within3Months: 1, within6Months: 1, within12Months: null },
    });
    expect(r.total).toMatchObject({
      accountsWorked: 3,
      placements: 7,
      recovered: '800.00',
      costs: '115.00',
      netRecovery: '685.00',
    });
    expect(row(r, 'agency').trend.map((p) => [p.month, p.placements])).toEqual([
      ['2025-04', 2],
      ['2026-01', 1],
    ]);
  });

  it('groups by placement stage, by delinquency grade at placement and by month of placement', async () => {
    const t = handBuiltBook();
    const stages = await report(t, 'by=stage');
    expect(stages.rows.map((x) => [x.key, x.placements])).toEqual([
      ['fresh', 3],
      ['primary', 3],
      ['secondary', 1],
    ]);
    const grades = await report(t, 'by=grade&scheme=m_buckets');
    // Charged off at 180 days past due: M6 in house, M7+ from the first agency on.
    expect(grades.rows.map((x) => [x.key, x.placements])).toEqual([
      ['M6', 3],
      ['M7+', 4],
    ]);
    const months = await report(t, 'by=month');
    expect(months.rows.map((x) => [x.key, x.placements])).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
      ['2025-04', 2],
      ['2025-08', 1],
      ['2026-01', 1],
    ]);
    expect(months.rows[0]!.trend).toEqual([]);
  });

  it('keeps the placements that started in the window, following their outcome to the end of the data', async () => {
    const r = await report(handBuiltBook(), 'by=channel&from=2025-04-01&to=2025-12-31');
    expect(r.rows.map((x) => [x.key, x.placements, x.recovered])).toEqual([
      ['agency', 2, '200.00'],
      ['legal', 1, '500.00'],
    ]);
  });

  it('downloads the report as a workbook with a row per group, its trend under it and the total, and audits the download', async () => {
    const t = handBuiltBook();
    const response = await get(t, 'by=channel&format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 6)).toEqual([
      '回款渠道 / channel',
      'Month placed',
      'Accounts worked',
      'Placements',
      'Placed',
      'Recovered',
    ]);
    expect(values(2).slice(0, 6)).toEqual(['自催 / in-house', undefined, 3, 3, 3500, 100]);
    expect(values(sheet.rowCount)[0]).toBe('合计 / total');
    const audit = t.db.$client
      .prepare(
        "select count(*) as n from audit_events where action = 'collections.effectiveness.downloaded'",
      )
      .get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('refuses an unknown delinquency scheme (422), answers 409 on an empty book and 403 to finance', async () => {
    const t = handBuiltBook();
    const unknown = await get(t, 'by=grade&scheme=nope');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'query.scheme',
    );
    expect((await get(t, 'by=colour')).status).toBe(422);
    expect((await get(testApp(), 'by=channel')).status).toBe(409);
    expect((await get(t, 'by=channel', 'finance')).status).toBe(403);
  });
});

describe('GET /collections/effectiveness on a demo book', () => {
  it("adds up: every group's placements, amounts and accounts make the total", async () => {
    // After the demo's as-of date: an import refuses events after today.
    const t = testApp({ clock: fixedClock('2026-10-01T09:00:00.000Z') });
    await importDemoBook(t.deps, { loans: 2_000, seed: 42, asOf: '2026-09-30' });
    const r = await report(t, 'by=stage');
    expect(r.rows.map((x) => x.key)).toEqual(['fresh', 'primary', 'secondary', 'tertiary']);
    const sum = (pick: (x: Report['rows'][number]) => number) =>
      r.rows.reduce((total, x) => total + pick(x), 0);
    expect(sum((x) => x.placements)).toBe(r.total.placements);
    expect(Math.round(sum((x) => Number(x.recovered)) * 100)).toBe(
      Math.round(Number(r.total.recovered) * 100),
    );
    // Fresh paper pays more often than paper that has been through two agencies.
    expect(row(r, 'fresh').payerRate.within3Months!).toBeGreaterThan(
      row(r, 'tertiary').payerRate.within3Months!,
    );
    expect(row(r, 'fresh').accountsWorked).toBe(r.total.accountsWorked);
  });
});
