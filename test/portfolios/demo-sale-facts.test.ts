import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../src/demo/book';
import {
  documentsOnFile,
  lastAcknowledgementDate,
  litigationStatusAt,
  placementStageAt,
} from '../../src/demo/sale-facts';
import { birthDateOfNationalId } from '../../src/portfolios/snapshot/loan-ages';

describe('the demo book’s facts for sale screening', () => {
  const book = [...generateDemoBook({ loans: 3_000, seed: 42, asOf: '2026-09-30' })];

  it('gives each borrower the date of birth their national id encodes', () => {
    for (const { loan } of book)
      expect(loan.birthDate).toBe(birthDateOfNationalId(loan.nationalId));
  });

  it('places paper with agencies by its age: in house, then primary, secondary, tertiary', () => {
    expect(
      ['2026-08-01', '2026-06-01', '2025-12-01', '2025-01-01', '2023-01-01'].map((date) =>
        placementStageAt(date, '2026-09-30'),
      ),
    ).toEqual(['fresh', 'primary', 'primary', 'secondary', 'tertiary']);
    const stages = new Set(
      book
        .filter(({ loan }) => loan.status === 'charged_off')
        .map(({ loan }) => loan.placementStage),
    );
    expect([...stages].sort()).toEqual(['fresh', 'primary', 'secondary', 'tertiary']);
  });

  it('moves a lawsuit from filed to judgment to enforcement as it ages', () => {
    const filed = (eventDate: string) => [
      { eventType: 'status' as const, eventDate, statusEvent: 'litigation_filed' as const },
    ];
    expect(litigationStatusAt([], '2026-09-30')).toBe('none');
    expect(litigationStatusAt(filed('2026-05-01'), '2026-09-30')).toBe('filed');
    expect(litigationStatusAt(filed('2026-03-30'), '2026-09-30')).toBe('judgment');
    expect(litigationStatusAt(filed('2025-03-30'), '2026-09-30')).toBe('enforcement');
    expect(new Set(book.map(({ loan }) => loan.litigationStatus))).toEqual(
      new Set(['none', 'filed', 'judgment', 'enforcement']),
    );
  });

  it('dates the acknowledgement of a debt from its repayment plan', () => {
    expect(
      lastAcknowledgementDate([
        { eventType: 'status', eventDate: '2025-04-02', statusEvent: 'repayment_plan' },
      ]),
    ).toBe('2025-04-02');
    for (const { loan, events } of book)
      expect(loan.lastAcknowledgementDate !== null).toBe(
        events.some((e) => e.eventType === 'status' && e.statusEvent === 'repayment_plan'),
      );
  });

  it('misses the documents of about 2 % of the loans, the same ones for the same seed', () => {
    const missing = book.filter(({ loan }) => !loan.documentsComplete).length / book.length;
    expect(missing).toBeGreaterThan(0.01);
    expect(missing).toBeLessThan(0.03);
    expect(documentsOnFile(42, 17)).toBe(documentsOnFile(42, 17));
  });
});
