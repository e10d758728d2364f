import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../src/demo/book';

describe("the demo book's mailing addresses", () => {
  const loans = [...generateDemoBook({ loans: 2_000, seed: 11, asOf: '2026-09-30' })].map(
    (record) => record.loan,
  );

  it('puts each borrower at a street address in their own city with a postal code of their province', () => {
    const zones: Record<string, string> = { 广东省: '51', 北京市: '10', 四川省: '61' };
    for (const loan of loans) {
      expect(
        loan.mailingAddress.startsWith(
          loan.province === loan.city ? loan.city : `${loan.province}${loan.city}`,
        ),
      ).toBe(true);
      expect(loan.mailingAddress).toMatch(/路|大道/);
      expect(loan.mailingAddress).toMatch(/\d+号\d+栋\d+室$/);
      expect(loan.postalCode).toMatch(/^\d{6}$/);
      if (zones[loan.province]) expect(loan.postalCode.slice(0, 2)).toBe(zones[loan.province]);
    }
    expect(new Set(loans.map((loan) => loan.mailingAddress)).size).toBeGreaterThan(
      loans.length * 0.8,
    );
  });

  it('gives every loan of a borrower the same address', () => {
    const byBorrower = new Map<string, string>();
    for (const loan of loans) {
      const seen = byBorrower.get(loan.borrowerId);
      if (seen !== undefined) expect(loan.mailingAddress).toBe(seen);
      byBorrower.set(loan.borrowerId, loan.mailingAddress);
    }
    expect(byBorrower.size).toBeLessThan(loans.length);
  });
});
