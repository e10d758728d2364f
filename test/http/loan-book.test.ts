import { describe, expect, it } from 'vitest';
import { classifyDelinquency } from '../../src/loans/book/delinquency';
import { builtInDelinquencySchemes, type PlatformConfig } from '../../src/shared/config';
import { formatFen, parseFen } from '../../src/shared/money';
import { testApp, type TestUser } from '../helpers/test-app';
import { aDelinquentLoan, aLoan, insertLoans, type LoanInsert } from '../helpers/loans';
import { asFen, ZERO_FEN } from '../../src/shared';

type Json = Record<string, any>;
type Measures = {
  loans: number;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  total: string;
};

function bookWith(rows: LoanInsert[], config: Partial<PlatformConfig> = {}) {
  const t = testApp({ config });
  if (rows.length > 0) insertLoans(t.db, rows);
  const get = async (url: string, user: TestUser = 'risk') => {
    const response = await t.app.request(url, { headers: t.as(user) });
    return {
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      body: (await response.json()) as Json,
    };
  };
  return { ...t, get };
}

const fen = (decimal: string) => parseFen(decimal) ?? Number.NaN;
const sumOf = (rows: Measures[], field: Exclude<keyof Measures, 'loans'>) =>
  formatFen(asFen(rows.reduce((sum, row) => sum + fen(row[field]), 0)));

/** One loan at each grade edge on the 2026-05-31 tape, plus loans that have left the book. */
const gradeEdges = () => [
  aLoan({ loanId: 'current', principalFen: asFen(1_000_00) }),
  aDelinquentLoan(1, { loanId: 'dpd1', principalFen: asFen(2_000_01) }),
  aDelinquentLoan(30, { loanId: 'dpd30', principalFen: asFen(3_000_02) }),
  aDelinquentLoan(31, { loanId: 'dpd31', principalFen: asFen(4_000_03) }),
  aDelinquentLoan(90, { loanId: 'dpd90', principalFen: asFen(5_000_04) }),
  aDelinquentLoan(91, { loanId: 'dpd91', principalFen: asFen(6_000_05), interestFen: asFen(1_23) }),
  aLoan({
    loanId: 'written-off',
    status: 'charged_off',
    daysPastDue: 200,
    chargeOffDate: '2026-01-31',
    chargeOffFen: asFen(7_777_77),
  }),
  aLoan({
    loanId: 'sold',
    status: 'sold',
    daysPastDue: 400,
    chargeOffDate: '2025-06-30',
    chargeOffFen: asFen(1_00),
  }),
  aLoan({ loanId: 'closed', status: 'closed' }),
];

describe('GET /loans/delinquency', () => {
  it('counts on-book loans and balances per grade, as of the latest tape date by default', async () => {
    const { get } = bookWith(gradeEdges());
    const { status, body } = await get('/loans/delinquency');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-05-31');
    expect(body.scheme).toBe('grades');
    expect(
      body.buckets.map((b: Json) => [b.code, b.minDays, b.maxDays, b.loans, b.principal]),
    ).toEqual([
      ['mild', 1, 30, 2, '5000.03'],
      ['moderate', 31, 90, 2, '9000.07'],
      ['severe', 91, null, 1, '6000.05'],
    ]);
    expect(body.buckets[2]).toMatchObject({
      interest: '1.23',
      fee: '100.00',
      penalty: '50.00',
      total: '6151.28',
    });
    expect(body.current).toEqual({
      loans: 1,
      principal: '1000.00',
      interest: '500.00',
      fee: '100.00',
      penalty: '50.00',
      total: '1650.00',
    });
    expect(body.chargedOff).toEqual({ loans: 1, chargeOffAmount: '7777.77' });
  });

  it('has totals equal to the sum of the bucket rows and current, to the fen', async () => {
    const { get } = bookWith(gradeEdges());
    const { body } = await get('/loans/delinquency?scheme=m_buckets');
    const rows: Measures[] = [...body.buckets, body.current];
    expect(body.totals).toEqual({
      loans: rows.reduce((sum, row) => sum + row.loans, 0),
      principal: sumOf(rows, 'principal'),
      interest: sumOf(rows, 'interest'),
      fee: sumOf(rows, 'fee'),
      penalty: sumOf(rows, 'penalty'),
      total: sumOf(rows, 'total'),
    });
    expect(body.totals.loans).toBe(6);
  });

  it('ages delinquent loans to a later as_of and leaves current loans current', async () => {
    const { get } = bookWith(gradeEdges());
    const { body } = await get('/loans/delinquency?as_of=2026-06-30');
    expect(body.asOf).toBe('2026-06-30');
    expect(body.buckets.map((b: Json) => [b.code, b.loans])).toEqual([
      ['mild', 0],
      ['moderate', 3],
      ['severe', 2],
    ]);
    expect(body.current.loans).toBe(1);
  });

  it('grades by M-bucket on request, agreeing with the pure classifier loan by loan', async () => {
    const rows = [
      ...gradeEdges(),
      aDelinquentLoan(150, { tapeDate: '2026-04-30' }),
      aDelinquentLoan(181),
      aDelinquentLoan(60, { tapeDate: '2026-05-15' }),
    ];
    const { get } = bookWith(rows);
    const { body } = await get('/loans/delinquency?scheme=m_buckets&as_of=2026-06-15');
    const onBook = rows.filter((row) => row.status === 'current' || row.status === 'delinquent');
    const records = onBook.map((row) => ({
      tapeDate: row.tapeDate,
      daysPastDue: row.daysPastDue ?? 0,
      loans: 1,
      principalFen: row.principalFen ?? ZERO_FEN,
      interestFen: row.interestFen ?? ZERO_FEN,
      feeFen: row.feeFen ?? ZERO_FEN,
      penaltyFen: row.penaltyFen ?? ZERO_FEN,
    }));
    const expected = classifyDelinquency(
      records,
      { name: 'm_buckets', buckets: builtInDelinquencySchemes.m_buckets ?? [] },
      '2026-06-15',
    );
    expect(body.buckets.map((b: Json) => [b.code, b.loans, b.total])).toEqual(
      expected.buckets.map(({ bucket, measures }) => [
        bucket.code,
        measures.loans,
        formatFen(measures.totalFen),
      ]),
    );
    expect(body.buckets.map((b: Json) => b.code)).toEqual([
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
      'M6',
      'M7+',
    ]);
  });

  it('uses a scheme the lender configured', async () => {
    const collections = [
      { code: 'early', label: 'Early (1–60)', minDays: 1, maxDays: 60 },
      { code: 'late', label: 'Late (>60)', minDays: 61 },
    ];
    const { get } = bookWith(gradeEdges(), {
      delinquencySchemes: { ...builtInDelinquencySchemes, collections },
    });
    const { body } = await get('/loans/delinquency?scheme=collections');
    expect(body.buckets.map((b: Json) => [b.code, b.label, b.loans])).toEqual([
      ['early', 'Early (1–60)', 3],
      ['late', 'Late (>60)', 2],
    ]);
  });

  it('reports an empty book as of today with zero everywhere', async () => {
    const { get } = bookWith([]);
    const { status, body } = await get('/loans/delinquency');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-06-30');
    expect(body.totals).toEqual({
      loans: 0,
      principal: '0.00',
      interest: '0.00',
      fee: '0.00',
      penalty: '0.00',
      total: '0.00',
    });
    expect(body.chargedOff).toEqual({ loans: 0, chargeOffAmount: '0.00' });
  });
});

describe('GET /loans/charge-off-candidates', () => {
  const candidateBook = () => [
    aDelinquentLoan(179, { loanId: 'dpd179' }),
    aDelinquentLoan(180, {
      loanId: 'dpd180',
      principalFen: asFen(1_000_00),
      interestFen: asFen(0),
      feeFen: asFen(0),
      penaltyFen: asFen(0),
    }),
    aLoan({ loanId: 'bankrupt', bankrupt: true }),
    aDelinquentLoan(200, { loanId: 'deceased', deceased: true, province: null }),
    aDelinquentLoan(100, { loanId: 'dpd100' }),
    aLoan({
      loanId: 'written-off',
      status: 'charged_off',
      daysPastDue: 500,
      bankrupt: true,
      chargeOffDate: '2026-01-31',
      chargeOffFen: asFen(1_00),
    }),
    aLoan({ loanId: 'settled', status: 'settled', daysPastDue: 300, deceased: true }),
  ];

  it('lists on-book loans past the threshold, bankrupt or deceased, each with every rule that fired', async () => {
    const { get } = bookWith(candidateBook());
    const { status, body } = await get('/loans/charge-off-candidates');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-05-31');
    expect(body.policy).toEqual({ dpdThreshold: 180 });
    expect(
      body.items.map((item: Json) => [
        item.loanId,
        item.daysPastDue,
        item.rules.map((rule: Json) => rule.code),
      ]),
    ).toEqual([
      ['dpd180', 180, ['dpd_threshold']],
      ['bankrupt', 0, ['bankrupt']],
      ['deceased', 200, ['dpd_threshold', 'deceased']],
    ]);
    expect(body.items[2].rules[0].description).toBe('200 days past due ≥ 180');
    expect(body.items[0]).toMatchObject({
      borrowerName: '张三',
      product: 'cash_loan',
      province: '广东',
      principal: '1000.00',
      claim: '1000.00',
    });
    expect(body.items[2]).toMatchObject({
      province: null,
      principal: '8000.00',
      interest: '500.00',
      fee: '100.00',
      penalty: '50.00',
      claim: '8650.00',
    });
    expect(body.total).toEqual({ loans: 3, claim: '18300.00' });
    expect(body.nextCursor).toBeNull();
  });

  it('projects days past due to as_of: 179 days on the tape date is 180 a day later', async () => {
    const { get } = bookWith(candidateBook());
    const { body } = await get('/loans/charge-off-candidates?as_of=2026-06-01');
    const dpd179 = body.items.find((item: Json) => item.loanId === 'dpd179');
    expect(dpd179).toMatchObject({
      daysPastDue: 180,
      rules: [{ code: 'dpd_threshold', description: '180 days past due ≥ 180' }],
    });
    expect(body.total.loans).toBe(4);
  });

  it('follows the configured threshold and echoes it as the policy', async () => {
    const { get } = bookWith(candidateBook(), { chargeOffDpdThreshold: 90 });
    const { body } = await get('/loans/charge-off-candidates');
    expect(body.policy).toEqual({ dpdThreshold: 90 });
    expect(body.items.map((item: Json) => item.loanId)).toEqual([
      'dpd179',
      'dpd180',
      'bankrupt',
      'deceased',
      'dpd100',
    ]);
  });

  it('pages by cursor without losing or repeating a loan, with the total of all candidates on every page', async () => {
    const { get } = bookWith(
      Array.from({ length: 5 }, (_, i) => aDelinquentLoan(200 + i, { loanId: `bad-${i}` })),
    );
    const seen: string[] = [];
    let url = '/loans/charge-off-candidates?limit=2';
    for (const expectedSize of [2, 2, 1]) {
      const { body } = await get(url);
      expect(body.items).toHaveLength(expectedSize);
      expect(body.total).toEqual({ loans: 5, claim: '43250.00' });
      seen.push(...body.items.map((item: Json) => item.loanId));
      url = `/loans/charge-off-candidates?limit=2&cursor=${body.nextCursor}`;
      if (expectedSize === 1) expect(body.nextCursor).toBeNull();
    }
    expect(seen).toEqual(['bad-0', 'bad-1', 'bad-2', 'bad-3', 'bad-4']);
  });
});

describe('GET /loans and GET /loans/{loanId}', () => {
  it('shows one loan with money as decimal strings and camelCase fields', async () => {
    const { get } = bookWith([
      aLoan({
        loanId: 'L-1',
        lastPaymentDate: '2026-03-02',
        lastPaymentFen: asFen(123_45),
        interestFen: asFen(7),
      }),
    ]);
    const { status, body } = await get('/loans/L-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      loanId: 'L-1',
      borrowerId: 'B-L-1',
      originalPrincipal: '10000.00',
      principal: '8000.00',
      interest: '0.07',
      claim: '8150.07',
      lastPaymentDate: '2026-03-02',
      lastPayment: '123.45',
      chargeOffAmount: null,
      status: 'current',
      bankrupt: false,
      tapeDate: '2026-05-31',
    });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('principalFen');
  });

  it('lists the book filtered by status, product and province, a page at a time', async () => {
    const rows = [
      aDelinquentLoan(10, { loanId: 'a' }),
      aDelinquentLoan(20, { loanId: 'b', product: 'credit_card' }),
      aDelinquentLoan(30, { loanId: 'c', province: '浙江' }),
      aLoan({ loanId: 'd' }),
      aDelinquentLoan(40, { loanId: 'e' }),
      aDelinquentLoan(50, { loanId: 'f' }),
    ];
    const { get } = bookWith(rows);
    const ids = (body: Json) => body.items.map((item: Json) => item.loanId);
    expect(ids((await get('/loans')).body)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids((await get('/loans?product=credit_card')).body)).toEqual(['b']);
    expect(ids((await get('/loans?province=%E6%B5%99%E6%B1%9F')).body)).toEqual(['c']);
    const first = (
      await get('/loans?status=delinquent&province=%E5%B9%BF%E4%B8%9C&product=cash_loan&limit=2')
    ).body;
    expect(ids(first)).toEqual(['a', 'e']);
    const second = (
      await get(
        `/loans?status=delinquent&province=%E5%B9%BF%E4%B8%9C&product=cash_loan&limit=2&cursor=${first.nextCursor}`,
      )
    ).body;
    expect(ids(second)).toEqual(['f']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown loan with a 404 problem', async () => {
    const { get } = bookWith([aLoan()]);
    const { status, contentType, body } = await get('/loans/nobody');
    expect(status).toBe(404);
    expect(contentType).toBe('application/problem+json');
    expect(body.detail).toContain('nobody');
  });

  it.each([
    [
      '/loans/delinquency?as_of=2026-05-30',
      'query.as_of',
      /before the latest tape date 2026-05-31/,
    ],
    ['/loans/charge-off-candidates?as_of=2026-05-30', 'query.as_of', /before the latest tape date/],
    ['/loans/delinquency?as_of=2026-02-30', 'query.as_of', /date/i],
    ['/loans/delinquency?as_of=31.05.2026', 'query.as_of', /date/i],
    [
      '/loans/delinquency?scheme=quarters',
      'query.scheme',
      /unknown delinquency scheme quarters; configured: grades, m_buckets/,
    ],
    ['/loans/charge-off-candidates?limit=1001', 'query.limit', /.+/],
    ['/loans/charge-off-candidates?cursor=abc', 'query.cursor', /.+/],
    ['/loans?status=written_off', 'query.status', /.+/],
  ])('refuses %s with a 422 naming %s', async (url, field, message) => {
    const { get } = bookWith(gradeEdges());
    const { status, contentType, body } = await get(url);
    expect(status).toBe(422);
    expect(contentType).toBe('application/problem+json');
    expect(body.errors).toEqual([
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    ]);
  });
});

describe('security', () => {
  it('lets risk and finance read the book, refuses buyers (403) and anonymous callers (401)', async () => {
    const t = bookWith(gradeEdges());
    expect((await t.get('/loans/delinquency', 'finance')).status).toBe(200);
    expect((await t.get('/loans/charge-off-candidates', 'buyer')).status).toBe(403);
    expect((await t.app.request('/loans/dpd1')).status).toBe(401);
  });

  it('documents the four routes in the OpenAPI document', async () => {
    const t = bookWith([]);
    const document = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/loans',
        '/loans/{loanId}',
        '/loans/delinquency',
        '/loans/charge-off-candidates',
      ]),
    );
  });
});
