/**
 * The loan-tape columns that sale-eligibility screening reads: date of birth, servicemember,
 * documents, acknowledgement date, placement stage and litigation status.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf, problemAnswer } from '../imports/files';

type App = ReturnType<typeof testApp>;

const postTape = (app: App['app'], csv: string, query = '') =>
  app.request(`/loans/import${query}`, {
    method: 'POST',
    body: csv,
    headers: { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'text/csv' },
  });

const saleFields = (db: App['db'], loanId: string) =>
  db.$client
    .prepare(
      'SELECT birth_date, servicemember, documents_complete, last_acknowledgement_date, placement_stage, litigation_status FROM loans WHERE loan_id = ?',
    )
    .get(loanId);

describe('the loan tape’s fields for sale screening', () => {
  it('imports them under their Chinese names and spellings', async () => {
    const { app, db } = testApp();
    const row = aTapeRow({
      出生日期: '1980-01-01',
      军人: '否',
      资料齐全: '否',
      诉讼时效起算日: '2024-03-01',
      委外手次: '二手',
      诉讼状态: '执行中',
    });
    expect((await postTape(app, csvOf([row]))).status).toBe(201);
    expect(saleFields(db, 'L0001')).toEqual({
      birth_date: '1980-01-01',
      servicemember: 0,
      documents_complete: 0,
      last_acknowledgement_date: '2024-03-01',
      placement_stage: 'secondary',
      litigation_status: 'enforcement',
    });
  });

  it('reads a placement count as its stage, and a terminated enforcement (终本) as terminated', async () => {
    const { app, db } = testApp();
    const rows = [
      aTapeRow({ loan_id: 'P0', placement_stage: '0', litigation_status: '终本' }),
      aTapeRow({ loan_id: 'P4', placement_stage: '4', litigation_status: 'filed' }),
    ];
    expect((await postTape(app, csvOf(rows))).status).toBe(201);
    expect(saleFields(db, 'P0')).toMatchObject({
      placement_stage: 'fresh',
      litigation_status: 'terminated',
    });
    expect(saleFields(db, 'P4')).toMatchObject({
      placement_stage: 'tertiary',
      litigation_status: 'filed',
    });
  });

  it('takes documents as complete, no servicemember and the rest unknown when the tape lacks the columns', async () => {
    const { app, db } = testApp();
    expect((await postTape(app, csvOf([aTapeRow()]))).status).toBe(201);
    expect(saleFields(db, 'L0001')).toEqual({
      birth_date: null,
      servicemember: 0,
      documents_complete: 1,
      last_acknowledgement_date: null,
      placement_stage: null,
      litigation_status: null,
    });
  });

  it('leaves them alone on an upsert whose file lacks them', async () => {
    const { app, db } = testApp();
    await postTape(
      app,
      csvOf([aTapeRow({ placement_stage: 'primary', documents_complete: '0' })]),
      '?as_of=2026-01-31',
    );
    expect(
      (
        await postTape(
          app,
          csvOf([aTapeRow({ principal_balance: '100' })]),
          '?mode=upsert&as_of=2026-02-28',
        )
      ).status,
    ).toBe(201);
    expect(saleFields(db, 'L0001')).toMatchObject({
      placement_stage: 'primary',
      documents_complete: 0,
    });
  });

  it('refuses an unknown stage or status, a birth on or after origination, and an acknowledgement before it (422)', async () => {
    const { app, db } = testApp();
    const rows = [
      aTapeRow({
        loan_id: 'B1',
        placement_stage: 'fourth',
        litigation_status: '',
        birth_date: '',
        last_acknowledgement_date: '',
      }),
      aTapeRow({
        loan_id: 'B2',
        placement_stage: '',
        litigation_status: 'appeal',
        birth_date: '',
        last_acknowledgement_date: '',
      }),
      aTapeRow({
        loan_id: 'B3',
        placement_stage: '',
        litigation_status: '',
        birth_date: '2022-01-15',
        last_acknowledgement_date: '2022-01-14',
      }),
    ];
    const response = await postTape(app, csvOf(rows));
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors.map(({ row, column }) => [row, column])).toEqual([
      [2, 'placement_stage'],
      [3, 'litigation_status'],
      [4, 'last_acknowledgement_date'],
      [4, 'birth_date'],
    ]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM loans').get()).toEqual({ n: 0 });
  });

  it('lists them in the column table with their Chinese names', async () => {
    const { app } = testApp();
    const { columns } = (await (await app.request('/loans/import/columns')).json()) as {
      columns: { name: string; aliases: string[]; values?: { code: string }[] }[];
    };
    const aliasesOf = (name: string) => columns.find((column) => column.name === name)?.aliases;
    expect(aliasesOf('birth_date')).toContain('出生日期');
    expect(aliasesOf('servicemember')).toContain('军人');
    expect(aliasesOf('documents_complete')).toContain('资料齐全');
    expect(aliasesOf('last_acknowledgement_date')).toEqual(
      expect.arrayContaining(['最后承认日期', '诉讼时效起算日']),
    );
    expect(aliasesOf('placement_stage')).toEqual(expect.arrayContaining(['催收阶段', '委外手次']));
    expect(aliasesOf('litigation_status')).toContain('诉讼状态');
  });
});
