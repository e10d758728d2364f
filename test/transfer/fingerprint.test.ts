import { describe, expect, it } from 'vitest';
import {
  fingerprintOrder,
  hiddenMark,
  newFingerprint,
  orderAgreement,
  readHiddenMarks,
  swapsPair,
} from '../../src/transfer/trace/fingerprint';
import {
  transferNoticesHtml,
  noticeAmount,
  noticeNationalId,
} from '../../src/transfer/package/transfer-notice';
import { asFen } from '../../src/shared';

describe('a copy’s fingerprint', () => {
  it('hides in text as zero-width characters and reads back', () => {
    const fingerprint = newFingerprint();
    const text = `数据室 Data room${hiddenMark(fingerprint)} and more`;
    expect(text.replace(/[\u200b\u200c\u2060]/g, '')).toBe('数据室 Data room and more');
    expect(readHiddenMarks(text)).toEqual([fingerprint]);
    expect(readHiddenMarks(`${hiddenMark('00000001')}…${hiddenMark('ffffffff')}`)).toEqual([
      '00000001',
      'ffffffff',
    ]);
  });

  it('orders the tape by pairs: the same copy agrees with itself, another about half the time, a re-sorted file with none', () => {
    const loanIds = Array.from({ length: 2_000 }, (_, i) => `L${String(i).padStart(6, '0')}`);
    const [a, b] = ['1f2e3d4c', 'a0b1c2d3'];
    const key = (loanId: string) => loanId;
    const copyA = [
      ...fingerprintOrder(loanIds.slice(0, 1_000), a, 0, key),
      ...fingerprintOrder(loanIds.slice(1_000), a, 1_000, key),
    ];
    expect([...copyA].sort()).toEqual(loanIds);
    expect(copyA).not.toEqual(loanIds);
    const own = orderAgreement(copyA, a);
    expect(own.agreement).toBe(1);
    expect(own.pairs).toBeGreaterThan(400);
    const other = orderAgreement(copyA, b).agreement;
    expect(other).toBeGreaterThan(0.4);
    expect(other).toBeLessThan(0.6);
    expect(
      orderAgreement(
        copyA.filter((_, i) => i % 7 !== 3),
        a,
      ).agreement,
    ).toBe(1);
    expect(orderAgreement(loanIds, a).pairs).toBe(0);
    expect(() => fingerprintOrder(loanIds, a, 1, key)).toThrow(RangeError);
    expect(swapsPair(a, 'L000003')).toBe(swapsPair(a, 'L000003'));
  });
});

describe('a transfer notice', () => {
  it('escapes what it prints: a name cannot inject markup', () => {
    const html = transferNoticesHtml([
      {
        borrowerId: 'B"1',
        borrowerName: '<script>alert(1)</script>',
        nationalId: '110101199003071234',
        mailingAddress: '北京市<b>朝阳区</b>',
        postalCode: '100022',
        loans: [
          { loanId: 'L1', claimFen: asFen(123456) },
          { loanId: 'L2', claimFen: asFen(1) },
        ],
        sellerName: 'Seller & Co',
        buyerName: 'AMC',
        buyerPaymentDetails: 'Bank "X"',
        cutOffDate: '2026-09-30',
        contractEffectiveDate: '2026-10-15',
        deliveryDate: '2026-10-31',
        noticeDate: '2026-10-31',
      },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Seller &amp; Co');
    expect(html).toContain('1,234.57');
    expect(html).toContain('北京市&lt;b&gt;朝阳区&lt;/b&gt;');
    expect(html).not.toContain('110101199003071234');
    expect(html).toContain('第五百四十六条');
    expect(html).toContain('<section id="notice-B_1">');
  });

  it('prints amounts with thousands separators and the national id masked but for its last four', () => {
    expect([5, 100_000, 123_456_789, -123_456_789].map((fen) => noticeAmount(asFen(fen)))).toEqual([
      '0.05',
      '1,000.00',
      '1,234,567.89',
      '-1,234,567.89',
    ]);
    expect(noticeNationalId('11010119900307123X')).toBe('**************123X');
    expect(noticeNationalId('110101900307123')).toBe('***********7123');
  });
});
