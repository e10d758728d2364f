import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  birthDateOfNationalId,
  daysPastDueAtChargeOff,
  delinquencyStartDate,
} from '../../src/portfolios/snapshot/loan-ages';
import {
  limitationDaysLeft,
  limitationStartDate,
  sameDayYearsLater,
} from '../../src/portfolios/snapshot/limitation';

describe('loan ages', () => {
  it('take the days since charge-off off a days-past-due count that kept running', () => {
    expect(daysPastDueAtChargeOff(210, '2026-05-31', '2026-05-01')).toBe(180);
    expect(daysPastDueAtChargeOff(180, '2026-05-01', '2026-05-01')).toBe(180);
  });

  it('take a count frozen at charge-off as it is', () => {
    expect(daysPastDueAtChargeOff(180, '2026-05-31', '2025-05-31')).toBe(180);
  });

  it('date the start of the default back from the charge-off', () => {
    expect(delinquencyStartDate('2026-05-01', 180)).toBe('2025-11-02');
  });

  it('read the date of birth from 18- and 15-character national ids', () => {
    expect(birthDateOfNationalId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateOfNationalId('110105491231002')).toBe('1949-12-31');
  });

  it('find no date of birth in an id whose date digits are not a real day', () => {
    expect(birthDateOfNationalId('110105199002300011')).toBeUndefined();
    expect(birthDateOfNationalId('1101051990')).toBeUndefined();
  });

  it('count a year of age from the birthday itself', () => {
    expect(ageInYears('1990-07-01', '2026-06-30')).toBe(35);
    expect(ageInYears('1990-07-01', '2026-07-01')).toBe(36);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('the limitation period', () => {
  const subject = {
    lastPaymentDate: null,
    lastAcknowledgementDate: null,
    chargeOffDate: '2025-06-30',
    dpdAtChargeOff: 180,
  };

  it('ends on the anniversary, and on 28 February for a start on 29 February', () => {
    expect(sameDayYearsLater('2023-06-30', 3)).toBe('2026-06-30');
    expect(sameDayYearsLater('2024-02-29', 1)).toBe('2025-02-28');
    expect(sameDayYearsLater('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('runs from the later of the last payment and the last acknowledgement', () => {
    expect(
      limitationStartDate({
        ...subject,
        lastPaymentDate: '2024-01-10',
        lastAcknowledgementDate: '2024-03-01',
      }),
    ).toBe('2024-03-01');
    expect(
      limitationStartDate({
        ...subject,
        lastPaymentDate: '2024-05-10',
        lastAcknowledgementDate: '2024-03-01',
      }),
    ).toBe('2024-05-10');
  });

  it('runs from the first day of the default when nothing interrupted it', () => {
    expect(limitationStartDate(subject)).toBe('2025-01-01');
  });

  it('has no day left on its last day and is past it the day after', () => {
    const paid = { ...subject, lastPaymentDate: '2023-06-30' };
    expect(limitationDaysLeft(paid, '2026-06-30', 3)).toBe(0);
    expect(limitationDaysLeft(paid, '2026-07-01', 3)).toBe(-1);
    expect(limitationDaysLeft(paid, '2026-04-01', 3)).toBe(90);
  });
});
