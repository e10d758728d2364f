import { describe, expect, it } from 'vitest';
import { bindHeader } from '../../src/imports/read/header';
import { tapeColumns } from '../../src/loans/tape/tape-columns';

const dates = { tapeDate: '2026-06-30', today: '2026-06-30' };
const bound = (header: string[], unknownColumns: 'refuse' | 'ignore' = 'refuse') =>
  bindHeader(header, tapeColumns, { dates, unknownColumns });
const required = [
  'loan_id',
  'borrower_name',
  'national_id',
  'product',
  'origination_date',
  'original_principal',
  'principal_balance',
];

describe('reading a header row', () => {
  it('finds columns by canonical name or Chinese alias, ignoring case, spaces and a unit in brackets', () => {
    const { bindings, errors, ignored } = bound(
      [
        'Loan ID',
        '借款人姓名',
        '身份证号码',
        ' 产品 ',
        '放款日期',
        '放款金额（元）',
        'Principal_Balance (CNY)',
        'remarks',
      ],
      'ignore',
    );
    expect(errors).toEqual([]);
    expect(ignored).toEqual(['remarks']);
    expect(bindings.map((binding) => [binding.column.name, binding.index, binding.header])).toEqual(
      [
        ['loan_id', 0, 'Loan ID'],
        ['borrower_name', 1, '借款人姓名'],
        ['national_id', 2, '身份证号码'],
        ['product', 3, '产品'],
        ['origination_date', 4, '放款日期'],
        ['original_principal', 5, '放款金额（元）'],
        ['principal_balance', 6, 'Principal_Balance (CNY)'],
      ],
    );
  });

  it('names each missing required column on row 1', () => {
    const { errors } = bound(['loan_id', 'product']);
    expect(errors.map((error) => [error.row, error.column])).toEqual(
      required.filter((name) => !['loan_id', 'product'].includes(name)).map((name) => [1, name]),
    );
  });

  it('refuses two headers that mean the same column', () => {
    const { errors } = bound([...required, '借款编号']);
    expect(errors).toEqual([
      {
        row: 1,
        column: '借款编号',
        value: '借款编号',
        message: expect.stringContaining('the same column as "loan_id"'),
      },
    ]);
  });
});

describe('unknown columns', () => {
  it('refuses a misspelt header, naming it and the closest known header (traditional characters too)', () => {
    const { bindings, errors } = bound([...required, '利息餘額', 'intrest_balance']);
    expect(bindings.map((binding) => binding.column.name)).toEqual(required);
    expect(errors).toEqual([
      {
        row: 1,
        column: '利息餘額',
        value: '利息餘額',
        message: expect.stringMatching(/unknown column.*"利息余额" \(interest_balance\)/),
      },
      {
        row: 1,
        column: 'intrest_balance',
        value: 'intrest_balance',
        message: expect.stringMatching(/unknown column.*"interest_balance"/),
      },
    ]);
  });

  it('reads traditional characters as simplified when it looks for the closest header', () => {
    const { errors } = bound([...required, '借據號', '證件號碼', '最後還款日期', '費用餘額']);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('"借据号" (loan_id)'),
      expect.stringContaining('"证件号码" (national_id)'),
      expect.stringContaining('"最后还款日期" (last_payment_date)'),
      expect.stringContaining('"费用余额" (fee_balance)'),
    ]);
  });

  it('names the closest header among all aliases, by edit distance', () => {
    const { errors } = bound([...required, '最后还款额', 'Days Past Due Count']);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringContaining('"最后还款金额" (last_payment_amount)'),
      expect.stringContaining('the closest known header is "days_past_due"'),
    ]);
  });

  it('ignores unknown columns only when asked to, and lists them', () => {
    const header = [...required, 'remarks', '', '利息餘額'];
    const refused = bound(header);
    expect(refused.errors.map((error) => error.column)).toEqual(['remarks', '利息餘額']);
    expect(refused.ignored).toEqual([]);
    const ignored = bound(header, 'ignore');
    expect(ignored.errors).toEqual([]);
    expect(ignored.ignored).toEqual(['remarks', '利息餘額']);
    expect(ignored.bindings.map((binding) => binding.column.name)).toEqual(required);
  });

  it('answers thousands of unknown columns with one error each, quickly', () => {
    const header = [...required, ...Array.from({ length: 4_981 }, (_, i) => `extra_column_${i}`)];
    const started = performance.now();
    const { errors } = bound(header);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(errors).toHaveLength(4_981);
    expect(errors[4_980]).toMatchObject({ column: 'extra_column_4980' });
  });

  it('knows where the header has no name, so that values there can be refused', () => {
    const { width, unnamed } = bound([...required, '', 'remarks', '', ''], 'ignore');
    expect(width).toBe(required.length + 2);
    expect(unnamed).toEqual([required.length]);
  });
});
