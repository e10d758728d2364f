import { describe, expect, it } from 'vitest';
import { testApp, type TestUser } from '../helpers/test-app';
import { aTapeRow, csvOf, nationalId } from '../imports/files';

type T = ReturnType<typeof testApp>;
type Json = Record<string, any>;

const send = (t: T, method: string, path: string, user: TestUser, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: t.as(user, { 'Content-Type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Five written-off loans whose products are written the way lenders write them. */
const lendersTape = () =>
  csvOf(
    [
      ['P1', '信用卡'],
      ['P2', '消费贷'],
      ['P3', ' 现金贷 '],
      ['P4', '房屋按揭'],
      ['P5', '房屋按揭'],
      ['P6', 'Credit Card'],
    ].map(([loanId, product], i) =>
      aTapeRow({
        loan_id: loanId!,
        product: product!,
        national_id: nationalId(`1101051980010100${i}`),
        litigation_pending: '否',
      }),
    ),
  );

async function importTape(t: T, csv: string) {
  const response = await t.app.request('/loans/import?as_of=2026-06-30', {
    method: 'POST',
    body: csv,
    headers: t.as('risk', { 'Content-Type': 'text/csv' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Json;
}

const productOf = (t: T, loanId: string) =>
  (
    t.db.$client.prepare('SELECT product FROM loans WHERE loan_id = ?').get(loanId) as {
      product: string;
    }
  ).product;

async function screenedRules(t: T): Promise<Record<string, string[]>> {
  const created = await send(t, 'POST', '/portfolios', 'risk', {
    name: 'products as lenders name them',
    cutOffDate: '2026-06-30',
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as Json;
  const page = (await (
    await send(t, 'GET', `/portfolios/${id}/loans?limit=100`, 'risk')
  ).json()) as Json;
  await send(t, 'POST', `/portfolios/${id}/transitions`, 'risk', { to: 'withdrawn' });
  return Object.fromEntries(
    (page.items as Json[]).map((item) => [
      item.loanId,
      (item.rules as Json[]).map((rule) => rule.id),
    ]),
  );
}

describe('products as lenders name them', () => {
  it('maps names and aliases to product codes at import, and names the products it does not know', async () => {
    const t = testApp();
    const answer = await importTape(t, lendersTape());
    expect(['P1', 'P2', 'P3', 'P6'].map((id) => productOf(t, id))).toEqual([
      'credit_card',
      'consumer_loan',
      'cash_loan',
      'credit_card',
    ]);
    expect(productOf(t, 'P4')).toBe('房屋按揭');
    expect(answer.warnings).toEqual([
      expect.objectContaining({ column: 'product', value: '房屋按揭', rows: 2, firstRow: 5 }),
    ]);
    expect(answer.warnings[0].message).toMatch(/unknown product 房屋按揭/);
    const table = (await (await send(t, 'GET', '/products', 'risk')).json()) as Json;
    expect(table.unknownInBook).toEqual([{ product: '房屋按揭', loans: 2 }]);
    expect(table.products.map((p: Json) => p.code)).toContain('credit_card');
  });

  it('screens a known product by its kind and an unknown one as unknown, never as the wrong kind', async () => {
    const t = testApp();
    await importTape(t, lendersTape());
    const fired = await screenedRules(t);
    for (const id of ['P1', 'P2', 'P3', 'P6']) {
      expect(fired[id], id).not.toContain('product_not_transferable');
      expect(fired[id], id).not.toContain('unknown_product');
    }
    expect(fired.P4).toContain('unknown_product');
    expect(fired.P4).not.toContain('product_not_transferable');
  });

  it('lets the lender add a product: the book takes its code and the screening its kind', async () => {
    const t = testApp();
    await importTape(t, lendersTape());
    const response = await send(t, 'POST', '/products', 'risk', {
      code: 'home_mortgage',
      nameZh: '房屋按揭',
      nameEn: 'Home mortgage',
      kind: 'secured_loan',
      aliases: ['按揭贷款'],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      code: 'home_mortgage',
      kind: 'secured_loan',
      kindEn: 'Secured loan',
      aliases: ['home mortgage', 'home_mortgage', '房屋按揭', '按揭贷款'],
    });
    expect(productOf(t, 'P4')).toBe('home_mortgage');
    const table = (await (await send(t, 'GET', '/products', 'risk')).json()) as Json;
    expect(table.unknownInBook).toEqual([]);
    const fired = await screenedRules(t);
    expect(fired.P4).toContain('product_not_transferable');
    expect(fired.P4).not.toContain('unknown_product');
    const audit = t.db.$client
      .prepare("SELECT action, detail FROM audit_events WHERE target_type = 'product'")
      .all() as { action: string; detail: string }[];
    expect(audit).toEqual([
      { action: 'product.created', detail: expect.stringContaining('"loansRemapped":2') },
    ]);
  });

  it('adds aliases and kinds to an existing product through PATCH', async () => {
    const t = testApp();
    const response = await send(t, 'PATCH', '/products/cash_loan', 'risk', {
      aliases: ['网贷', 'ＣＡＳＨ　ＬＯＡＮ'],
    });
    expect(response.status).toBe(200);
    const product = (await response.json()) as Json;
    expect(product.aliases).toContain('网贷');
    await importTape(t, csvOf([aTapeRow({ loan_id: 'W1', product: '网贷' })]));
    expect(productOf(t, 'W1')).toBe('cash_loan');
  });

  it('refuses a name another product has, an unknown product, a bad code, and buyers', async () => {
    const t = testApp();
    const taken = await send(t, 'POST', '/products', 'risk', {
      code: 'card2',
      nameZh: '信用卡',
      nameEn: 'Card two',
      kind: 'credit_card_overdraft',
    });
    expect(taken.status).toBe(409);
    expect(taken.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await taken.json()) as Json).errors[0]).toMatchObject({
      field: 'body.aliases',
      value: '信用卡',
    });
    // Nothing of the refused product stays behind.
    const table = (await (await send(t, 'GET', '/products', 'risk')).json()) as Json;
    expect(table.products.map((p: Json) => p.code)).not.toContain('card2');
    expect((await send(t, 'PATCH', '/products/nope', 'risk', { nameEn: 'x' })).status).toBe(404);
    expect(
      (
        await send(t, 'POST', '/products', 'risk', {
          code: 'Bad Code',
          nameZh: '坏',
          nameEn: 'Bad',
          kind: 'other',
        })
      ).status,
    ).toBe(422);
    expect((await send(t, 'GET', '/products', 'buyer')).status).toBe(403);
    expect(
      (
        await send(t, 'POST', '/products', 'finance', {
          code: 'x',
          nameZh: 'x',
          nameEn: 'x',
          kind: 'other',
        })
      ).status,
    ).toBe(403);
  });
});
