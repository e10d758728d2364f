import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { collectionEvents, fileImports, loans } from '../../db/schema';
import { generateDemoBook, type DemoBookOptions } from '../../src/demo/book';
import { importDemoBook } from '../../src/demo/import-book';
import { seedDemoBookIfEmpty } from '../../src/demo/load';
import { fixedClock } from '../../src/shared/clock';
import { testApp as testAppAt } from '../helpers/test-app';

const smallBook: DemoBookOptions = { loans: 500, seed: 42, asOf: '2026-09-30' };
/** The demo's history runs to its as-of date, and an import refuses events after today. */
const testApp = () => testAppAt({ clock: fixedClock('2026-10-01T09:00:00.000Z') });

describe('loading a demo book through the import services', () => {
  it('imports every loan and every collection event, as two accepted imports by the demo actor', async () => {
    const { deps, db } = testApp();
    const records = [...generateDemoBook(smallBook)];
    const eventCount = records.reduce((sum, record) => sum + record.events.length, 0);

    const loaded = await importDemoBook(deps, smallBook);

    expect([loaded.loans.created, loaded.collections.created]).toEqual([500, eventCount]);
    expect(db.select({ n: count() }).from(loans).get()?.n).toBe(500);
    expect(db.select({ n: count() }).from(collectionEvents).get()?.n).toBe(eventCount);
    const imports = db.select().from(fileImports).all();
    expect(imports.map((i) => [i.kind, i.status, i.actor])).toEqual([
      ['loan_tape', 'accepted', 'demo'],
      ['collections', 'accepted', 'demo'],
    ]);
  });

  it('leaves the flags and last payments of the tape as they were after the history is imported', async () => {
    const { deps, db } = testApp();
    await importDemoBook(deps, smallBook);
    for (const { loan } of generateDemoBook(smallBook)) {
      const stored = db.select().from(loans).where(eq(loans.loanId, loan.loanId)).get();
      expect(stored).toMatchObject({
        status: loan.status,
        principalFen: loan.principalFen,
        chargeOffFen: loan.chargeOffFen,
        tapeDate: smallBook.asOf,
        lastPaymentDate: loan.lastPaymentDate,
        lastPaymentFen: loan.lastPaymentFen,
        bankrupt: loan.bankrupt,
        deceased: loan.deceased,
        disputed: loan.disputed,
        fraud: loan.fraud,
        litigationPending: loan.litigationPending,
        complaintOpen: loan.complaintOpen,
        activeRepaymentPlan: loan.activeRepaymentPlan,
      });
    }
  });

  it('fills an empty book with the default demo book of 20,000 loans and logs the counts', async () => {
    const { deps, db } = testApp();
    const lines: string[] = [];
    await seedDemoBookIfEmpty(deps, (line) => lines.push(line));
    expect(db.select({ n: count() }).from(loans).get()?.n).toBe(20_000);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      seed: 42,
      loans: 20_000,
      collectionEvents: db.select({ n: count() }).from(collectionEvents).get()?.n,
    });
  });

  it('leaves a book that already has loans alone', async () => {
    const { deps, db } = testApp();
    await importDemoBook(deps, { ...smallBook, loans: 10 });
    const lines: string[] = [];
    await seedDemoBookIfEmpty(deps, (line) => lines.push(line));
    expect(lines).toEqual([]);
    expect(db.select({ n: count() }).from(loans).get()?.n).toBe(10);
  });
});
