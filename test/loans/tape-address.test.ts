import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf, problemAnswer } from '../imports/files';

// The borrower's mailing address on the loan tape: what transfer notices are posted to.

async function postTape(app: ReturnType<typeof testApp>['app'], csv: string, query = '') {
  return app.request(`/loans/import${query}`, {
    method: 'POST',
    body: csv,
    headers: { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'text/csv' },
  });
}

const addressOf = (t: ReturnType<typeof testApp>, loanId: string) =>
  t.db.$client
    .prepare(
      'select mailing_address as mailingAddress, postal_code as postalCode from loans where loan_id = ?',
    )
    .get(loanId);

describe('the mailing address on a loan tape', () => {
  it('reads 通讯地址 and 邮编 (or the English names), keeps them optional, and upserts them', async () => {
    const t = testApp();
    const chinese = csvOf([
      aTapeRow({
        loan_id: 'A1',
        mailing_address: '广东省深圳市南山区科技园路 1 号',
        postal_code: '518057',
      }),
      aTapeRow({ loan_id: 'A2', mailing_address: '', postal_code: '' }),
    ])
      .replace('mailing_address', '通讯地址')
      .replace('postal_code', '邮编');
    expect((await postTape(t.app, chinese)).status).toBe(201);
    expect(addressOf(t, 'A1')).toEqual({
      mailingAddress: '广东省深圳市南山区科技园路 1 号',
      postalCode: '518057',
    });
    expect(addressOf(t, 'A2')).toEqual({ mailingAddress: null, postalCode: null });
    const moved = csvOf([
      aTapeRow({
        loan_id: 'A1',
        mailing_address: '北京市朝阳区建国路 88 号',
        postal_code: '100022',
      }),
    ]);
    expect((await postTape(t.app, moved, '?mode=upsert')).status).toBe(201);
    expect(addressOf(t, 'A1')).toEqual({
      mailingAddress: '北京市朝阳区建国路 88 号',
      postalCode: '100022',
    });
    expect(
      (await postTape(t.app, csvOf([aTapeRow({ loan_id: 'A1' })]), '?mode=upsert')).status,
    ).toBe(201);
    expect(addressOf(t, 'A1')).toMatchObject({ postalCode: '100022' });
  });

  it('names the row and column of a postal code that is not 6 digits', async () => {
    const t = testApp();
    const response = await postTape(
      t.app,
      csvOf([aTapeRow({ loan_id: 'P1', mailing_address: '上海市', postal_code: '2000' })]),
    );
    expect(response.status).toBe(422);
    const problem = await problemAnswer(response);
    expect(problem.errors.map(({ row, column }) => [row, column])).toEqual([[2, 'postal_code']]);
  });

  it('lists both columns with their Chinese headers at GET /loans/import/columns', async () => {
    const t = testApp();
    const response = await t.app.request('/loans/import/columns', {
      headers: { Authorization: 'Bearer demo-risk-token' },
    });
    const body = JSON.stringify(await response.json());
    for (const header of [
      'mailing_address',
      '通讯地址',
      '联系地址',
      '邮寄地址',
      'postal_code',
      '邮政编码',
      '邮编',
    ])
      expect(body).toContain(header);
  });
});
