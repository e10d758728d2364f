import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';
import { aTapeRow, csvOf, importAnswer, nationalId, problemAnswer, xlsxOf } from '../imports/files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type App = ReturnType<typeof testApp>;

/** Posts a tape as the risk user (who may import). */
async function postTape(
  app: App['app'],
  body: string | Uint8Array,
  options: { query?: string; contentType?: string; headers?: Record<string, string> } = {},
) {
  return app.request(`/loans/import${options.query ?? ''}`, {
    method: 'POST',
    body,
    headers: {
      Authorization: 'Bearer demo-risk-token',
      'Content-Type': options.contentType ?? 'text/csv',
      ...options.headers,
    },
  });
}

const loanCount = (db: App['db']) =>
  (db.$client.prepare('SELECT count(*) AS n FROM loans').get() as { n: number }).n;
const loanRow = (db: App['db'], loanId: string) =>
  db.$client.prepare('SELECT * FROM loans WHERE loan_id = ?').get(loanId) as Record<
    string,
    unknown
  >;
const lastImport = (db: App['db']) =>
  db.$client.prepare('SELECT * FROM file_imports ORDER BY id DESC LIMIT 1').get() as Record<
    string,
    unknown
  >;

/** Posts a bad tape over a book holding one loan and checks the 422, the untouched book and the rejected record. */
async function expectRejected(csv: string, query = '') {
  const { app, db } = testApp();
  expect((await postTape(app, csvOf([aTapeRow({ loan_id: 'KEEP' })]))).status).toBe(201);
  const response = await postTape(app, csv, { query });
  expect(response.status).toBe(422);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const problem = await problemAnswer(response);
  expect(loanCount(db)).toBe(1);
  expect(lastImport(db)).toMatchObject({ status: 'rejected', error_count: problem.totalErrors });
  expect(
    db.$client
      .prepare(
        "SELECT action FROM audit_events WHERE target_type = 'file_import' ORDER BY id DESC LIMIT 1",
      )
      .get(),
  ).toEqual({ action: 'loan_tape.rejected' });
  return problem;
}

describe('POST /loans/import: accepted tapes', () => {
  it('imports a CSV tape with English headers, converting money to fen and deriving what is blank', async () => {
    const { app, db } = testApp();
    const rows = [
      aTapeRow(),
      aTapeRow({
        loan_id: 'L0002',
        charge_off_date: '',
        status: '',
        days_past_due: '0',
        mobile_phone: '',
        litigation_pending: '',
      }),
    ];
    const response = await postTape(app, csvOf(rows), { query: '?as_of=2026-05-31' });
    expect(response.status).toBe(201);
    const body = await importAnswer(response);
    expect(body).toMatchObject({
      kind: 'loan_tape',
      rows: 2,
      created: 2,
      updated: 0,
      fileBytes: new TextEncoder().encode(csvOf(rows)).length,
    });
    expect(body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loanRow(db, 'L0001')).toMatchObject({
      borrower_id: rows[0]!.national_id,
      borrower_name: '张三',
      original_principal_fen: 1_000_000,
      principal_fen: 800_050,
      interest_fen: 30_000,
      fee_fen: 0,
      penalty_fen: 1_250,
      days_past_due: 400,
      status: 'charged_off',
      charge_off_date: '2023-02-01',
      charge_off_fen: 800_050 + 30_000 + 1_250,
      currency: 'CNY',
      litigation_pending: 1,
      bankrupt: 0,
      tape_date: '2026-05-31',
      import_id: body.importId,
    });
    expect(loanRow(db, 'L0002')).toMatchObject({
      status: 'current',
      charge_off_fen: null,
      mobile_phone: null,
      litigation_pending: 0,
    });
    expect(lastImport(db)).toMatchObject({
      status: 'accepted',
      kind: 'loan_tape',
      format: 'csv',
      created_count: 2,
      row_count: 2,
      actor: 'risk@demo.local',
      imported_at: '2026-06-30T09:00:00.000Z',
    });
    const audit = db.$client
      .prepare(
        "SELECT action, target_id, actor, request_id IS NOT NULL AS traced FROM audit_events WHERE target_type = 'file_import' ORDER BY id",
      )
      .all();
    expect(audit).toEqual([
      {
        action: 'ledger.opening_balances.posted',
        target_id: String(body.importId),
        actor: 'risk@demo.local',
        traced: 1,
      },
      {
        action: 'ledger.opening_register.posted',
        target_id: String(body.importId),
        actor: 'risk@demo.local',
        traced: 1,
      },
      {
        action: 'loan_tape.imported',
        target_id: String(body.importId),
        actor: 'risk@demo.local',
        traced: 1,
      },
    ]);
  });

  it('brings the loans that arrive already written off into the off-balance register with one opening entry', async () => {
    const { app, db } = testApp();
    const rows = [
      aTapeRow({ loan_id: 'L0001' }),
      aTapeRow({ loan_id: 'L0002', status: '', charge_off_date: '', days_past_due: '0' }),
    ];
    const body = await importAnswer(
      await postTape(app, csvOf(rows), { query: '?as_of=2026-05-31' }),
    );
    const claimFen = 800_050 + 30_000 + 1_250;
    expect(body.ledger).toMatchObject({
      loansOnRegister: 1,
      claimOnRegister: '8313.00',
      loansSkipped: 0,
    });
    const entries = db.$client.prepare('SELECT id, kind FROM journal_entries').all() as {
      id: number;
      kind: string;
    }[];
    expect(entries).toEqual([
      { id: body.ledger?.openingBalanceEntryId, kind: 'opening_balance' },
      { id: body.ledger?.openingEntryId, kind: 'write_off_opening' },
    ]);
    const register = db.$client
      .prepare(
        'SELECT loan_id AS loanId, sum(amount_fen) AS claimFen FROM off_balance_register GROUP BY loan_id',
      )
      .all();
    expect(register).toEqual([{ loanId: 'L0001', claimFen }]);
  });

  it('imports a workbook with Chinese headers, date cells and numbers', async () => {
    const { app, db } = testApp();
    const xlsx = await xlsxOf([
      [
        '借款编号',
        '借款人',
        '身份证号',
        '手机号',
        '产品',
        '放款日期',
        '到期日',
        '放款金额(元)',
        '本金余额',
        '罚息',
        '逾期天数',
        '状态',
        '核销日期',
        '核销金额',
      ],
      [
        'X1',
        '李四',
        nationalId('44030419900202003'),
        13912345678,
        '信用卡',
        new Date(Date.UTC(2021, 2, 1)),
        45000,
        5000,
        '4,000.00',
        0,
        200,
        '已核销',
        '2022/3/1',
        4100.5,
      ],
    ]);
    const response = await postTape(app, xlsx, { contentType: XLSX });
    expect(response.status).toBe(201);
    expect(loanRow(db, 'X1')).toMatchObject({
      borrower_name: '李四',
      mobile_phone: '13912345678',
      origination_date: '2021-03-01',
      maturity_date: '2023-03-15',
      original_principal_fen: 500_000,
      principal_fen: 400_000,
      status: 'charged_off',
      charge_off_date: '2022-03-01',
      charge_off_fen: 410_050,
    });
    expect(lastImport(db)).toMatchObject({ format: 'xlsx', status: 'accepted' });
  });

  it("reads a GBK file (Chinese Excel's CSV) with its Chinese text intact", async () => {
    const { app, db } = testApp();
    const csv =
      '借款编号,借款人姓名,身份证号,产品,放款日期,放款金额,本金余额,省份,城市,状态\n' +
      `G1,欧阳娜娜,${nationalId('51010719850505004')},小微经营贷,2020-05-05,"20,000.00",15000,四川省,成都市,逾期\n`;
    const response = await postTape(app, new Uint8Array(iconv.encode(csv, 'gbk')));
    expect(response.status).toBe(201);
    expect(loanRow(db, 'G1')).toMatchObject({
      borrower_name: '欧阳娜娜',
      // The product's Chinese name is an alias of the product table's small_business.
      product: 'small_business',
      province: '四川省',
      city: '成都市',
      status: 'delinquent',
      original_principal_fen: 2_000_000,
    });
  });

  it('reads UTF-8 with a byte-order mark, CRLF lines, thousands separators and Excel serial dates', async () => {
    const { app, db } = testApp();
    const csv = csvOf(
      [
        aTapeRow({
          original_principal: '1,234,567.89',
          origination_date: '44197',
          maturity_date: '2022/01/01',
          charge_off_date: '',
          days_past_due: '0',
        }),
      ],
      '\r\n',
    );
    const response = await postTape(
      app,
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]),
      { contentType: 'text/csv; charset=utf-8' },
    );
    expect(response.status).toBe(201);
    expect(loanRow(db, 'L0001')).toMatchObject({
      original_principal_fen: 123_456_789,
      origination_date: '2021-01-01',
      maturity_date: '2022-01-01',
      status: 'current',
    });
  });

  it('stores a =HYPERLINK(...) cell of a text column verbatim', async () => {
    const { app, db } = testApp();
    const response = await postTape(
      app,
      csvOf([aTapeRow({ borrower_name: '=HYPERLINK("http://evil.example","click")' })]),
    );
    expect(response.status).toBe(201);
    expect(loanRow(db, 'L0001').borrower_name).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('takes the format from a query parameter and the encoding from `encoding`', async () => {
    const { app, db } = testApp();
    const csv = csvOf([aTapeRow({ borrower_name: '王五' })]);
    const response = await postTape(app, new Uint8Array(iconv.encode(csv, 'gbk')), {
      query: '?format=csv&encoding=gbk',
      contentType: 'application/octet-stream',
    });
    expect(response.status).toBe(201);
    expect(loanRow(db, 'L0001').borrower_name).toBe('王五');
  });

  it('accepts a multipart upload with a file field', async () => {
    const { app, db } = testApp();
    const form = new FormData();
    form.append('file', new File([csvOf([aTapeRow()])], 'tape.csv', { type: 'text/csv' }));
    const response = await app.request('/loans/import', {
      method: 'POST',
      body: form,
      headers: { Authorization: 'Bearer demo-risk-token' },
    });
    expect(response.status).toBe(201);
    expect(loanCount(db)).toBe(1);
  });
});

describe('POST /loans/import: rejected tapes leave the book as it was', () => {
  it('names a missing required column by its canonical name on row 1', async () => {
    const row = aTapeRow();
    delete row.national_id;
    const problem = await expectRejected(csvOf([row]));
    expect(problem.errors).toEqual([
      { row: 1, column: 'national_id', message: expect.stringContaining('身份证号') },
    ]);
  });

  it('names the row, column as written and value of a bad date, a negative and a non-numeric amount', async () => {
    const csv = csvOf([
      aTapeRow(),
      aTapeRow({ loan_id: 'L2', maturity_date: '2023-02-30' }),
      aTapeRow({ loan_id: 'L3', principal_balance: '-5' }),
      aTapeRow({ loan_id: 'L4', interest_balance: 'n/a' }),
    ]);
    const problem = await expectRejected(csv);
    expect(problem.totalErrors).toBe(3);
    expect(problem.errors).toEqual([
      {
        row: 3,
        column: 'maturity_date',
        value: '2023-02-30',
        message: expect.stringContaining('not a date'),
      },
      { row: 4, column: 'principal_balance', value: '-5', message: 'must not be negative' },
      {
        row: 5,
        column: 'interest_balance',
        value: 'n/a',
        message: expect.stringContaining('not an amount'),
      },
    ]);
  });

  it('reports the header text as the user wrote it', async () => {
    const csv =
      '借款编号,借款人,身份证号,产品,放款日期,放款金额（元）,本金余额\n' +
      `C1,张三,${nationalId('11010519800101001')},消费贷,2022-01-01,abc,1\n`;
    const problem = await expectRejected(csv);
    expect(problem.errors).toEqual([
      {
        row: 2,
        column: '放款金额（元）',
        value: 'abc',
        message: expect.stringContaining('not an amount'),
      },
    ]);
  });

  it('refuses a formula in a money column', async () => {
    const problem = await expectRejected(
      csvOf([aTapeRow({ principal_balance: '=HYPERLINK("http://x","1")' })]),
    );
    expect(problem.errors).toEqual([
      {
        row: 2,
        column: 'principal_balance',
        value: '=HYPERLINK("http://x","1")',
        message: 'formulas are not accepted; paste values',
      },
    ]);
  });

  // A workbook's formula cell, whatever value Excel cached with it, in a text or a numeric column.
  for (const { column, cell, value } of [
    { column: 'original_principal', cell: { formula: '1000*2', result: 2000 }, value: '=1000*2' },
    {
      column: 'borrower_name',
      cell: { formula: 'HYPERLINK("http://x","张三")', result: '张三' },
      value: '=HYPERLINK("http://x","张三")',
    },
  ])
    it(`refuses a formula cell of a workbook in ${column}`, async () => {
      const { app, db } = testApp();
      const header = [
        'loan_id',
        'borrower_name',
        'national_id',
        'product',
        'origination_date',
        'original_principal',
        'principal_balance',
      ];
      const row: unknown[] = [
        'F1',
        '张三',
        nationalId('11010519800101001'),
        '消费贷',
        '2022-01-01',
        2000,
        100,
      ];
      row[header.indexOf(column)] = cell;
      const response = await postTape(app, await xlsxOf([header, row]), {
        contentType: XLSX,
      });
      expect(response.status).toBe(422);
      expect((await problemAnswer(response)).errors).toEqual([
        { row: 2, column, value, message: 'formulas are not accepted; paste values' },
      ]);
      expect(loanCount(db)).toBe(0);
    });

  it('names both rows of a loan id that appears twice in the file', async () => {
    const problem = await expectRejected(
      csvOf([
        aTapeRow({ loan_id: 'D1' }),
        aTapeRow({ loan_id: 'D2' }),
        aTapeRow({ loan_id: 'D1' }),
      ]),
    );
    expect(problem.errors).toEqual([
      {
        row: 4,
        column: 'loan_id',
        value: 'D1',
        message: 'duplicate loan id: rows 2 and 4 both have D1',
      },
    ]);
  });

  it('refuses in insert mode a loan the book already has', async () => {
    const problem = await expectRejected(
      csvOf([aTapeRow({ loan_id: 'NEW' }), aTapeRow({ loan_id: 'KEEP' })]),
    );
    expect(problem.errors).toEqual([
      {
        row: 3,
        column: 'loan_id',
        value: 'KEEP',
        message: expect.stringContaining('already in the book'),
      },
    ]);
  });

  it('checks the rules of a loan: id check character, mobile, dates in order, charge-off of a charged-off loan', async () => {
    const csv = csvOf([
      aTapeRow({ loan_id: 'R1', national_id: '110105198001010011' }),
      aTapeRow({ loan_id: 'R2', mobile_phone: '2381234567' }),
      aTapeRow({ loan_id: 'R3', maturity_date: '2021-01-01' }),
      aTapeRow({ loan_id: 'R4', status: '已转让', charge_off_date: '' }),
    ]);
    const problem = await expectRejected(csv);
    expect(problem.errors.map(({ row, column }) => [row, column])).toEqual([
      [2, 'national_id'],
      [3, 'mobile_phone'],
      [4, 'maturity_date'],
      [5, 'charge_off_date'],
    ]);
  });

  it('answers an empty file and a header without rows with a clear message', async () => {
    const empty = await expectRejected('');
    expect(empty.detail).toBe(
      'the file is empty: it has no header row and no data; nothing was imported',
    );
    const headerOnly = await expectRejected(`${Object.keys(aTapeRow()).join(',')}\n`);
    expect(headerOnly.errors).toEqual([
      { row: 1, message: 'the file has a header row but no data rows' },
    ]);
  });

  it('names the first 100 errors and counts them all', async () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      aTapeRow({ loan_id: `E${i}`, principal_balance: 'x' }),
    );
    const problem = await expectRejected(csvOf(rows));
    expect(problem.totalErrors).toBe(150);
    expect(problem.errors).toHaveLength(100);
    expect(problem.errors[99]).toMatchObject({ row: 101 });
  });

  it('refuses a body whose format cannot be told with 415', async () => {
    const { app } = testApp();
    const response = await postTape(app, 'a,b', { contentType: 'application/json' });
    expect(response.status).toBe(415);
  });

  it('refuses an as_of that is not a date', async () => {
    const { app } = testApp();
    const response = await postTape(app, csvOf([aTapeRow()]), { query: '?as_of=2026-02-30' });
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors).toEqual([
      expect.objectContaining({ field: 'query.as_of' }),
    ]);
  });
});

describe('POST /loans/import: headers that cannot lie', () => {
  it('refuses a misspelt optional header instead of importing its amounts as 0', async () => {
    const row = aTapeRow();
    const { interest_balance, ...rest } = row;
    const csv = csvOf([{ ...rest, 利息餘額: interest_balance! }]);
    const problem = await expectRejected(csv);
    expect(problem.errors).toEqual([
      {
        row: 1,
        column: '利息餘額',
        value: '利息餘額',
        message: expect.stringMatching(
          /unknown column.*"利息余额" \(interest_balance\).*unknown_columns=ignore/,
        ),
      },
    ]);
    expect(problem.columns?.mapped).toContainEqual({ header: 'loan_id', column: 'loan_id' });
    expect(problem.columns?.ignored).toEqual([]);
  });

  it('refuses a file with thousands of unknown columns, counting each', async () => {
    const extra = Object.fromEntries(
      Array.from({ length: 4_981 }, (_, i) => [`extra_${i}`, String(i)]),
    );
    const problem = await expectRejected(csvOf([{ ...aTapeRow(), ...extra }]));
    expect(problem.totalErrors).toBe(4_981);
    expect(problem.errors[0]).toMatchObject({ row: 1, column: 'extra_0' });
  });

  it('imports without the unknown columns when asked to, and says which it took and which it left', async () => {
    const { app, db } = testApp();
    const csv = csvOf([{ ...aTapeRow(), remarks: 'call after 6pm', 备注: '' }]);
    const response = await postTape(app, csv, { query: '?unknown_columns=ignore' });
    expect(response.status).toBe(201);
    const body = await importAnswer(response);
    expect(body.columns).toEqual({
      mapped: Object.keys(aTapeRow()).map((name) => ({ header: name, column: name })),
      ignored: ['remarks', '备注'],
    });
    expect(loanCount(db)).toBe(1);
  });

  it('lists the columns it took from a Chinese header in the answer', async () => {
    const { app } = testApp();
    const csv =
      '借款编号,借款人,身份证号,产品,放款日期,放款金额（元）,本金余额\n' +
      `C1,张三,${nationalId('11010519800101001')},消费贷,2022-01-01,100,1\n`;
    const body = await importAnswer(await postTape(app, csv));
    expect(body.columns).toEqual({
      mapped: [
        { header: '借款编号', column: 'loan_id' },
        { header: '借款人', column: 'borrower_name' },
        { header: '身份证号', column: 'national_id' },
        { header: '产品', column: 'product' },
        { header: '放款日期', column: 'origination_date' },
        { header: '放款金额（元）', column: 'original_principal' },
        { header: '本金余额', column: 'principal_balance' },
      ],
      ignored: [],
    });
  });

  it('refuses two headers meaning one column, even when unknown columns are ignored', async () => {
    const csv = csvOf([{ ...aTapeRow(), 借款编号: 'L0001' }]);
    const problem = await expectRejected(csv, '?unknown_columns=ignore');
    expect(problem.errors).toEqual([
      {
        row: 1,
        column: '借款编号',
        value: '借款编号',
        message: expect.stringContaining('the same column as "loan_id"'),
      },
    ]);
  });

  it('refuses unknown_columns values other than refuse and ignore', async () => {
    const { app } = testApp();
    const response = await postTape(app, csvOf([aTapeRow()]), { query: '?unknown_columns=drop' });
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).errors).toEqual([
      expect.objectContaining({ field: 'query.unknown_columns' }),
    ]);
  });
});

describe('POST /loans/import: cells that cannot lie', () => {
  it('refuses charge-off, origination and last-payment dates after the tape date, and 9999-12-31', async () => {
    const problem = await expectRejected(
      csvOf([
        aTapeRow({ birth_date: '', loan_id: 'T1', charge_off_date: '9999-12-31' }),
        aTapeRow({ birth_date: '', loan_id: 'T2', last_payment_date: '2026-06-01' }),
        aTapeRow({
          birth_date: '',
          loan_id: 'T3',
          origination_date: '2026-05-31',
          maturity_date: '2027-05-31',
          last_payment_date: '',
          charge_off_date: '',
        }),
        aTapeRow({ birth_date: '', loan_id: 'T4', maturity_date: '2230-01-01' }),
        aTapeRow({ loan_id: 'T5', birth_date: '1880-01-01' }),
      ]),
      '?as_of=2026-05-30',
    );
    expect(
      problem.errors.map(({ row, column, value, message }) => [row, column, value, message]),
    ).toEqual([
      [
        2,
        'charge_off_date',
        '9999-12-31',
        expect.stringContaining('after the tape date (as_of) 2026-05-30'),
      ],
      [
        3,
        'last_payment_date',
        '2026-06-01',
        expect.stringContaining('after the tape date (as_of) 2026-05-30'),
      ],
      [
        4,
        'origination_date',
        '2026-05-31',
        expect.stringContaining('after the tape date (as_of) 2026-05-30'),
      ],
      [5, 'maturity_date', '2230-01-01', expect.stringContaining('after 2200-12-31')],
      [6, 'birth_date', '1880-01-01', expect.stringContaining('before 1900-01-01')],
    ]);
  });

  it('accepts a maturity date after the tape date', async () => {
    const { app, db } = testApp();
    const response = await postTape(app, csvOf([aTapeRow({ maturity_date: '2035-01-15' })]), {
      query: '?as_of=2026-05-30',
    });
    expect(response.status).toBe(201);
    expect(loanRow(db, 'L0001').maturity_date).toBe('2035-01-15');
  });

  it('refuses control characters and NUL in names and ids', async () => {
    const problem = await expectRejected(
      csvOf([
        aTapeRow({ loan_id: 'N1', borrower_name: '张\u0000三' }),
        aTapeRow({ loan_id: 'N\u00012' }),
        aTapeRow({ loan_id: 'N3', product: '消费贷\u007F' }),
      ]),
    );
    expect(problem.errors.map(({ row, column, message }) => [row, column, message])).toEqual([
      [2, 'borrower_name', expect.stringContaining('control character U+0000')],
      [3, 'loan_id', expect.stringContaining('control character U+0001')],
      [4, 'product', expect.stringContaining('control character U+007F')],
    ]);
  });

  it('refuses a 100,000-character loan id, showing only the start of it', async () => {
    const problem = await expectRejected(csvOf([aTapeRow({ loan_id: 'L'.repeat(100_000) })]));
    expect(problem.errors).toEqual([
      {
        row: 2,
        column: 'loan_id',
        value: expect.stringMatching(/^L+… \(100000 characters\)$/),
        message: 'longer than 64 characters (100000)',
      },
    ]);
    expect((problem.errors[0]!.value as string).length).toBeLessThan(200);
  });

  it('refuses a row longer than the header, naming the row and the column number', async () => {
    const header = Object.keys(aTapeRow());
    const csv =
      csvOf([aTapeRow()]) + `${csvOf([aTapeRow({ loan_id: 'L2' })]).split('\n')[1]},surplus\n`;
    const problem = await expectRejected(csv);
    expect(problem.errors).toEqual([
      {
        row: 3,
        column: `column ${header.length + 1}`,
        value: 'surplus',
        message: expect.stringContaining(`column ${header.length + 1} has no header`),
      },
    ]);
  });

  it('refuses a value under a blank header cell', async () => {
    const row = aTapeRow();
    const header = Object.keys(row);
    const csv =
      [
        [...header.slice(0, 2), '', ...header.slice(2)],
        [...Object.values(row).slice(0, 2), 'lost', ...Object.values(row).slice(2)],
      ]
        .map((fields) => fields.join(','))
        .join('\n') + '\n';
    const problem = await expectRejected(csv);
    expect(problem.errors).toEqual([
      {
        row: 2,
        column: 'column 3',
        value: 'lost',
        message: 'column 3 has no header but this row has a value in it',
      },
    ]);
  });
});

describe('POST /loans/import?mode=upsert', () => {
  it('updates the loans the book has, only in the columns the file has, and adds the rest', async () => {
    const { app, db } = testApp();
    await postTape(app, csvOf([aTapeRow({ loan_id: 'U1', bankrupt: '1' })]), {
      query: '?as_of=2026-01-31',
    });
    const update = csvOf([
      {
        loan_id: 'U1',
        borrower_name: '张三',
        national_id: aTapeRow().national_id!,
        product: '消费贷',
        origination_date: '2022-01-15',
        original_principal: '10000',
        principal_balance: '7000',
      },
      {
        loan_id: 'U2',
        borrower_name: '赵六',
        national_id: aTapeRow().national_id!,
        product: '消费贷',
        origination_date: '2022-01-15',
        original_principal: '10000',
        principal_balance: '9000',
      },
    ]);
    const response = await postTape(app, update, { query: '?mode=upsert&as_of=2026-02-28' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ created: 1, updated: 1, rows: 2 });
    expect(loanRow(db, 'U1')).toMatchObject({
      principal_fen: 700_000,
      bankrupt: 1,
      status: 'charged_off',
      charge_off_date: '2023-02-01',
      interest_fen: 30_000,
      tape_date: '2026-02-28',
    });
    expect(loanRow(db, 'U2')).toMatchObject({ principal_fen: 900_000, status: 'current' });
    expect(lastImport(db)).toMatchObject({ mode: 'upsert', created_count: 1, updated_count: 1 });
  });
});

describe('idempotent imports', () => {
  it('answers the same request with the same key once, and replays the answer after', async () => {
    const { app, db } = testApp();
    const csv = csvOf([aTapeRow()]);
    const first = await postTape(app, csv, { headers: { 'Idempotency-Key': 'tape-2026-06' } });
    const again = await postTape(app, csv, { headers: { 'Idempotency-Key': 'tape-2026-06' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(loanCount(db)).toBe(1);
    expect(
      (db.$client.prepare('SELECT count(*) AS n FROM file_imports').get() as { n: number }).n,
    ).toBe(1);
  });

  it('refuses the same key with a different file', async () => {
    const { app, db } = testApp();
    await postTape(app, csvOf([aTapeRow()]), { headers: { 'Idempotency-Key': 'k1' } });
    const response = await postTape(app, csvOf([aTapeRow({ loan_id: 'OTHER' })]), {
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(response.status).toBe(422);
    expect((await problemAnswer(response)).type).toContain('idempotency_key_reused');
    expect(loanCount(db)).toBe(1);
  });
});

describe('GET /loans/import/columns', () => {
  it('serves the mapping table with Chinese names, rules and descriptions', async () => {
    const { app } = testApp();
    const response = await app.request('/loans/import/columns');
    expect(response.status).toBe(200);
    const { columns } = (await response.json()) as {
      columns: {
        name: string;
        aliases: string[];
        required: boolean;
        type: string;
        values?: { code: string }[];
      }[];
    };
    expect(columns.find((column) => column.name === 'loan_id')).toMatchObject({
      required: true,
      aliases: expect.arrayContaining(['借款编号']),
      maxChars: 64,
    });
    expect(columns.find((column) => column.name === 'charge_off_date')).toMatchObject({
      notAfter: 'tape_date',
    });
    expect(columns.find((column) => column.name === 'maturity_date')).not.toHaveProperty(
      'notAfter',
    );
    expect(columns.find((column) => column.name === 'charge_off_amount')).toMatchObject({
      type: 'money',
      description: {
        en: expect.stringContaining('principal + interest + fee + penalty'),
        zh: expect.any(String),
      },
    });
    expect(
      columns.find((column) => column.name === 'status')?.values?.map((value) => value.code),
    ).toEqual(['current', 'delinquent', 'charged_off', 'sold', 'settled', 'closed']);
  });
});
