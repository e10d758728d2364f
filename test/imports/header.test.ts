import { describe, expect, it } from 'vitest';
import { bindHeader } from '../../src/imports/read/header';
import { tapeColumns } from '../../src/loans/tape/tape-columns';

const bound = (header: string[]) => bindHeader(header, tapeColumns);
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
    const { bindings, errors } = bound([
      'Loan ID',
      '借款人姓名',
      '身份证号码',
      ' 产品 ',
      '放款日期',
      '放款金额（元）',
      'Principal_Balance (CNY)',
      'remarks',
    ]);
    expect(errors).toEqual([]);
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
