import { describe, expect, it } from 'vitest';
import { segmentLabel } from '../../src/valuation/workbook/segment-label';

/** The product table's names of two products, as `productNamesByCode` reads them. */
const products = new Map([
  ['cash_loan', { zh: '现金贷', en: 'cash loan' }],
  ['credit_card', { zh: '信用卡', en: 'credit card' }],
]);

describe('a curve segment in words', () => {
  it('names each dimension and value in Chinese, then English', () => {
    expect(segmentLabel('product=cash_loan', products)).toBe('产品: 现金贷 / product: cash loan');
    // A product the table does not name keeps its code.
    expect(segmentLabel('product=home_mortgage', products)).toBe(
      '产品: home_mortgage / product: home mortgage',
    );
    expect(segmentLabel('all')).toBe('全部贷款 / whole book');
    expect(
      segmentLabel(
        'product=credit_card|balance_band=5000-20000|region=广东|charge_off_age=secondary',
        products,
      ),
    ).toBe(
      '产品: 信用卡，核销余额: 5,000–20,000 元，地区: 广东，核销账龄: 12–24 个月 / ' +
        'product: credit card, charge-off balance: CNY 5,000–20,000, region: 广东, charge-off age: 12–24 months',
    );
    expect(segmentLabel('balance_band=100000+|region=unknown|charge_off_age=tertiary')).toBe(
      '核销余额: 100,000 元以上，地区: 未知，核销账龄: 24 个月以上 / ' +
        'charge-off balance: CNY 100,000+, region: unknown, charge-off age: 24+ months',
    );
    expect(segmentLabel('litigation_status=enforcement|placement_stage=fresh')).toBe(
      '诉讼状态: 执行中，委外阶段: 未委外 / litigation status: enforcement, placement stage: fresh (no agency yet)',
    );
  });
});
