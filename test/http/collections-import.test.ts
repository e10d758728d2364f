import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf, importAnswer, problemAnswer, xlsxOf } from '../imports/files';

type App = ReturnType<typeof testApp>;

/** An app whose book holds loans C1 (last paid 2022-06-15) and C2 (never paid). */
async function bookWithTwoLoans(): Promise<App> {
  const context = testApp();
  const tape = csvOf([
    aTapeRow({ loan_id: 'C1' }),
    aTapeRow({ loan_id: 'C2', last_payment_date: '', last_payment_amount: '' }),
  ]);
  const response = await context.app.request('/loans/import', {
    method: 'POST',
    body: tape,
    headers: context.as('risk', { 'Content-Type': 'text/csv' }),
  });
  expect(response.status).toBe(201);
  return context;
}

/** Posts a collection history as the risk user (who may import). */
const postEvents = (app: App['app'], body: string | Uint8Array, contentType = 'text/csv') =>
  app.request('/collections/import', {
    method: 'POST',
    body,
    headers: { Authorization: 'Bearer demo-risk-token', 'Content-Type': contentType },
  });

const eventCount = (db: App['db']) =>
  (db.$client.prepare('SELECT count(*) AS n FROM collection_events').get() as { n: number }).n;
const loan = (db: App['db'], loanId: string) =>
  db.$client.prepare('SELECT * FROM loans WHERE loan_id = ?').get(loanId) as Record<
    string,
    unknown
  >;

describe('POST /collections/import', () => {
  it('imports payments, costs and status events, with Chinese headers and values', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv = [
      '借款编号,发生日期,事件类型,金额,回款渠道,费用类型,状态事件,备注',
      'C1,2024-01-10,还款,"1,000.00",委外,,,first',
      'C1,2024-01-31,cost,250,,agency_commission,,',
      'C2,2024/02/01,状态,,,,破产,court notice',
    ].join('\n');
    const response = await postEvents(app, csv);
    expect(response.status).toBe(201);
    const body = await importAnswer(response);
    expect(body).toMatchObject({ kind: 'collections', rows: 3, created: 3 });
    const events = db.$client
      .prepare(
        'SELECT loan_id, event_date, event_type, amount_fen, payment_channel, cost_kind, status_event, note, import_id FROM collection_events ORDER BY id',
      )
      .all();
    expect(events).toEqual([
      {
        loan_id: 'C1',
        event_date: '2024-01-10',
        event_type: 'payment',
        amount_fen: 100_000,
        payment_channel: 'agency',
        cost_kind: null,
        status_event: null,
        note: 'first',
        import_id: body.importId,
      },
      {
        loan_id: 'C1',
        event_date: '2024-01-31',
        event_type: 'cost',
        amount_fen: 25_000,
        payment_channel: null,
        cost_kind: 'agency_commission',
        status_event: null,
        note: null,
        import_id: body.importId,
      },
      {
        loan_id: 'C2',
        event_date: '2024-02-01',
        event_type: 'status',
        amount_fen: null,
        payment_channel: null,
        cost_kind: null,
        status_event: 'bankrupt',
        note: 'court notice',
        import_id: body.importId,
      },
    ]);
  });

  it('books payments on written-off loans as recoveries that reduce the off-balance claim, and costs as expense', async () => {
    // The tape is as of 2023-12-31: payments after it are recoveries (earlier ones are in its balances already).
    const { app, db, as } = testApp();
    const tape = csvOf([aTapeRow({ loan_id: 'C1' })]);
    const imported = await app.request('/loans/import?as_of=2023-12-31', {
      method: 'POST',
      body: tape,
      headers: as('risk', { 'Content-Type': 'text/csv' }),
    });
    expect(imported.status).toBe(201);
    const csv = csvOf([
      {
        loan_id: 'C1',
        event_date: '2024-01-10',
        event_type: 'payment',
        amount: '1,000.00',
        payment_channel: 'agency',
        cost_kind: '',
      },
      {
        loan_id: 'C1',
        event_date: '2024-01-31',
        event_type: 'cost',
        amount: '250',
        payment_channel: '',
        cost_kind: 'agency_commission',
      },
      {
        loan_id: 'C1',
        event_date: '2023-06-30',
        event_type: 'cost',
        amount: '80',
        payment_channel: '',
        cost_kind: 'sms_call',
      },
    ]);
    const response = await postEvents(app, csv);
    const body = await importAnswer(response);
    expect(response.status, JSON.stringify(body)).toBe(201);
    // The 2023-06-30 cost predates the tape: it is history already in the lender's books, not booked again.
    expect(body.ledger).toMatchObject({
      recoveryPayments: 1,
      recovered: '1000.00',
      overpaid: '0.00',
      costEvents: 1,
      costs: '250.00',
      historicalCostEvents: 1,
    });
    const kinds = db.$client
      .prepare('SELECT kind FROM journal_entries WHERE source_ref = ? ORDER BY id')
      .all(`file_import:${body.importId}`);
    expect(kinds).toEqual([{ kind: 'recovery' }, { kind: 'collection_cost' }]);
    const onFile = db.$client
      .prepare("SELECT sum(amount_fen) AS fen FROM off_balance_register WHERE loan_id = 'C1'")
      .get() as { fen: number };
    expect(onFile.fen).toBe(800_050 + 30_000 + 1_250 - 100_000);
  });

  it('sets each loan flag from its status event', async () => {
    const { app, db } = await bookWithTwoLoans();
    const events = [
      'bankrupt',
      'deceased',
      'dispute',
      'litigation_filed',
      'complaint',
      'repayment_plan',
    ].map((statusEvent) => ({
      loan_id: 'C2',
      event_date: '2024-03-01',
      event_type: 'status',
      status_event: statusEvent,
    }));
    const response = await postEvents(app, csvOf(events));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ created: 6, updated: 1 });
    expect(loan(db, 'C2')).toMatchObject({
      bankrupt: 1,
      deceased: 1,
      disputed: 1,
      litigation_pending: 1,
      complaint_open: 1,
      active_repayment_plan: 1,
    });
    expect(loan(db, 'C1')).toMatchObject({ bankrupt: 0, deceased: 0, disputed: 0 });
  });

  it('moves the last payment forward only to a later payment, summing payments of that day', async () => {
    const { app, db } = await bookWithTwoLoans();
    const payment = (loanId: string, date: string, amount: string) => ({
      loan_id: loanId,
      event_date: date,
      event_type: 'payment',
      amount,
      payment_channel: 'in_house',
    });
    const csv = csvOf([
      payment('C1', '2022-01-01', '99'),
      payment('C2', '2024-05-01', '100'),
      payment('C2', '2024-05-01', '50.5'),
      payment('C2', '2024-04-01', '700'),
    ]);
    expect((await postEvents(app, csv)).status).toBe(201);
    expect(loan(db, 'C1')).toMatchObject({
      last_payment_date: '2022-06-15',
      last_payment_fen: 50_000,
    });
    expect(loan(db, 'C2')).toMatchObject({
      last_payment_date: '2024-05-01',
      last_payment_fen: 15_050,
    });
  });

  it('imports events from a workbook', async () => {
    const { app, db } = await bookWithTwoLoans();
    const xlsx = await xlsxOf([
      ['loan_id', 'event_date', 'event_type', 'amount', 'payment_channel'],
      ['C1', new Date(Date.UTC(2024, 0, 5)), 'payment', 88.8, 'legal'],
    ]);
    const response = await postEvents(
      app,
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.status).toBe(201);
    expect(
      db.$client
        .prepare('SELECT event_date, amount_fen, payment_channel FROM collection_events')
        .get(),
    ).toEqual({ event_date: '2024-01-05', amount_fen: 8_880, payment_channel: 'legal' });
  });

  it('refuses events of a loan the book does not have, importing none of the file', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv = csvOf([
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'payment',
        amount: '10',
        payment_channel: 'agency',
      },
      {
        loan_id: 'NOPE',
        event_date: '2024-01-01',
        event_type: 'payment',
        amount: '10',
        payment_channel: 'agency',
      },
    ]);
    const response = await postEvents(app, csv);
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors).toEqual([
      {
        row: 3,
        column: 'loan_id',
        value: 'NOPE',
        message: 'no loan NOPE in the book; import the loan tape first',
      },
    ]);
    expect(eventCount(db)).toBe(0);
    expect(
      db.$client
        .prepare("SELECT status, error_count FROM file_imports WHERE kind = 'collections'")
        .get(),
    ).toEqual({ status: 'rejected', error_count: 1 });
  });

  it('refuses unknown codes and fields that do not fit the event type', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv = csvOf([
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'payment',
        amount: '10',
        payment_channel: 'bank',
        status_event: '',
      },
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'payment',
        amount: '',
        payment_channel: 'agency',
        status_event: '',
      },
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'status',
        amount: '5',
        payment_channel: '',
        status_event: 'deceased',
      },
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'refund',
        amount: '5',
        payment_channel: '',
        status_event: '',
      },
    ]);
    const response = await postEvents(app, csv);
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors).toEqual([
      {
        row: 2,
        column: 'payment_channel',
        value: 'bank',
        message: expect.stringContaining('not one of: in_house'),
      },
      { row: 3, column: 'amount', value: '', message: 'required for a payment event' },
      { row: 4, column: 'amount', value: '5', message: 'must be blank for a status event' },
      {
        row: 5,
        column: 'event_type',
        value: 'refund',
        message: expect.stringContaining('not one of: payment/还款/回款'),
      },
    ]);
    expect(eventCount(db)).toBe(0);
    expect(loan(db, 'C1')).toMatchObject({ deceased: 0 });
  });

  it('replays an import sent again with the same Idempotency-Key', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv = csvOf([
      {
        loan_id: 'C1',
        event_date: '2024-01-01',
        event_type: 'payment',
        amount: '10',
        payment_channel: 'agency',
      },
    ]);
    const send = () =>
      app.request('/collections/import', {
        method: 'POST',
        body: csv,
        headers: {
          Authorization: 'Bearer demo-risk-token',
          'Content-Type': 'text/csv',
          'Idempotency-Key': 'events-1',
        },
      });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(eventCount(db)).toBe(1);
  });

  it('books recoveries once when the same import arrives several times at once with one Idempotency-Key', async () => {
    const { app, db, as } = testApp();
    const tape = csvOf([aTapeRow({ loan_id: 'C1' })]);
    await app.request('/loans/import?as_of=2023-12-31', {
      method: 'POST',
      body: tape,
      headers: as('risk', { 'Content-Type': 'text/csv' }),
    });
    const csv = csvOf([
      {
        loan_id: 'C1',
        event_date: '2024-01-10',
        event_type: 'payment',
        amount: '100',
        payment_channel: 'agency',
      },
    ]);
    const send = () =>
      app.request('/collections/import', {
        method: 'POST',
        body: csv,
        headers: as('risk', { 'Content-Type': 'text/csv', 'Idempotency-Key': 'events-2' }),
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(
      answers.filter((answer) => answer.headers.get('Idempotent-Replayed') === 'true'),
    ).toHaveLength(2);
    expect(eventCount(db)).toBe(1);
    const recoveries = db.$client
      .prepare("SELECT count(*) AS n FROM journal_entries WHERE kind = 'recovery'")
      .get() as { n: number };
    expect(recoveries.n).toBe(1);
  });
});

describe('POST /collections/import: headers and cells that cannot lie', () => {
  const payment = (overrides: Record<string, string> = {}) => ({
    loan_id: 'C1',
    event_date: '2024-01-10',
    event_type: 'payment',
    amount: '10',
    payment_channel: 'agency',
    note: '',
    ...overrides,
  });
  const post = (app: App['app'], body: string, query = '') =>
    app.request(`/collections/import${query}`, {
      method: 'POST',
      body,
      headers: { Authorization: 'Bearer demo-risk-token', 'Content-Type': 'text/csv' },
    });

  it('refuses event dates after today (the clock) or before 1900', async () => {
    const { app, db } = await bookWithTwoLoans();
    const response = await post(
      app,
      csvOf([
        payment({ event_date: '2026-06-30' }),
        payment({ event_date: '2026-07-01' }),
        payment({ event_date: '9999-12-31' }),
        payment({ event_date: '1899-12-31' }),
      ]),
    );
    expect(response.status).toBe(422);
    expect(
      (await problemAnswer(response)).errors.map(({ row, column, message }) => [
        row,
        column,
        message,
      ]),
    ).toEqual([
      [3, 'event_date', expect.stringContaining('after today 2026-06-30')],
      [4, 'event_date', expect.stringContaining('after today 2026-06-30')],
      [5, 'event_date', expect.stringContaining('before 1900-01-01')],
    ]);
    expect(eventCount(db)).toBe(0);
  });

  it('refuses an unknown column unless told to ignore it, and lists the columns either way', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv = csvOf([{ ...payment(), 回款金額: '10' }]);
    const refused = await post(app, csv);
    expect(refused.status).toBe(422);
    const problem = await problemAnswer(refused);
    expect(problem.errors).toEqual([
      {
        row: 1,
        column: '回款金額',
        value: '回款金額',
        message: expect.stringMatching(/unknown column.*\(amount\)/),
      },
    ]);
    const accepted = await post(app, csv, '?unknown_columns=ignore');
    expect(accepted.status).toBe(201);
    expect((await importAnswer(accepted)).columns).toEqual({
      mapped: Object.keys(payment()).map((name) => ({ header: name, column: name })),
      ignored: ['回款金額'],
    });
    expect(eventCount(db)).toBe(1);
  });

  it('refuses control characters in a note and a row longer than the header', async () => {
    const { app, db } = await bookWithTwoLoans();
    const csv =
      csvOf([payment({ note: 'called\u0000twice' })]) + 'C1,2024-01-11,payment,5,agency,,extra\n';
    const response = await post(app, csv);
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors).toEqual([
      {
        row: 2,
        column: 'note',
        value: 'called\u0000twice',
        message: expect.stringContaining('control character U+0000'),
      },
      { row: 3, column: 'column 7', value: 'extra', message: expect.stringContaining('no header') },
    ]);
    expect(eventCount(db)).toBe(0);
  });
});

describe('GET /collections/import/columns', () => {
  it('serves the mapping table with the Chinese names of columns and codes', async () => {
    const { app } = testApp();
    const { columns } = (await (await app.request('/collections/import/columns')).json()) as {
      columns: {
        name: string;
        aliases: string[];
        values?: { code: string; aliases: string[] }[];
      }[];
    };
    expect(columns.map((column) => column.name)).toEqual([
      'loan_id',
      'event_date',
      'event_type',
      'amount',
      'payment_channel',
      'cost_kind',
      'status_event',
      'note',
    ]);
    expect(columns.find((column) => column.name === 'event_date')?.aliases).toEqual(
      expect.arrayContaining(['日期', '发生日期']),
    );
    expect(columns.find((column) => column.name === 'status_event')?.values).toContainEqual({
      code: 'litigation_filed',
      aliases: expect.arrayContaining(['起诉']),
    });
  });
});
