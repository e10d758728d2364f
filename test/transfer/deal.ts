import { expect } from 'vitest';
import { importDemoBook } from '../../src/demo/import-book';
import type { Clock } from '../../src/shared/clock';
import { testApp, type TestUser } from '../helpers/test-app';

// A sale walked through the API, step by step, on a small demo book: what the transfer tests share.

export type Json = Record<string, any>;
export type Deal = Awaited<ReturnType<typeof dealOnDemoBook>>;

/** A clock the test moves forward. */
export function movableClock(start: string): Clock & { set(instant: string): void } {
  let instant = start;
  return {
    now: () => instant,
    today: () => instant.slice(0, 10),
    set: (next) => void (instant = next),
  };
}

export const DEMO_AS_OF = '2026-09-30';
export const DEADLINE = '2026-10-10T10:00:00.000Z';

/**
 * An app with a 600-loan demo book (as of 2026-09-30, clock on 2026-10-01), a second approved AMC
 * with a buyer user, a collection agency, and a locked cn-personal-npl portfolio of every
 * written-off loan. `call(user, method, path, body)` answers the parsed body and checks the status.
 */
export async function dealOnDemoBook(loans = 600) {
  const clock = movableClock('2026-10-01T09:00:00.000Z');
  const t = testApp({ clock });
  await importDemoBook(t.deps, { loans, seed: 7, asOf: DEMO_AS_OF });
  const request = (
    auth: Record<string, string>,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.request(path, {
      method,
      headers: { ...auth, 'Content-Type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const send = (
    user: TestUser | string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    request(
      user in tokenHeaders ? tokenHeaders[user]! : { Authorization: `Bearer ${user}` },
      method,
      path,
      body,
      headers,
    );
  const tokenHeaders: Record<string, Record<string, string>> = Object.fromEntries(
    (['admin', 'risk', 'finance', 'checker', 'buyer'] as TestUser[]).map((user) => [
      user,
      t.as(user),
    ]),
  );
  const call = async (
    user: TestUser | string,
    method: string,
    path: string,
    body?: unknown,
    status = method === 'POST' ? 201 : 200,
  ): Promise<Json> => {
    const response = await send(user, method, path, body);
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBe(status);
    return text === '' ? {} : (JSON.parse(text) as Json);
  };
  const demoBuyer = (
    t.db.$client
      .prepare("select id from buyer_organisations where name like 'Demo AMC%'")
      .get() as { id: number }
  ).id;
  const secondAmc = await registerBuyer(call, {
    name: '东方示例资产管理公司 Eastern AMC',
    type: 'amc',
    licenceNumber: 'AMC-0002',
  });
  const agency = await registerBuyer(call, {
    name: 'Agency Collections Ltd',
    type: 'collection_agency',
    licenceNumber: 'CA-0003',
  });
  const portfolio = await call('risk', 'POST', '/portfolios', {
    name: 'Q3 personal NPL',
    cutOffDate: DEMO_AS_OF,
  });
  await call('risk', 'POST', `/portfolios/${portfolio.id}/transitions`, { to: 'locked' }, 200);
  return {
    t,
    clock,
    send,
    call,
    portfolioId: portfolio.id as number,
    demoBuyer,
    secondAmc,
    agency,
  };
}

type Call = (
  user: TestUser | string,
  method: string,
  path: string,
  body?: unknown,
  status?: number,
) => Promise<Json>;

/** Registers, approves and gives a buyer user (and its token) to an organisation. */
async function registerBuyer(
  call: Call,
  organisation: { name: string; type: string; licenceNumber: string },
) {
  const created = await call('admin', 'POST', '/buyer-organisations', {
    ...organisation,
    ndaSignedOn: '2026-09-01',
    paymentDetails: `${organisation.name} · account 6222 0000 0001`,
  });
  await call('admin', 'PATCH', `/buyer-organisations/${created.id}`, { status: 'approved' }, 200);
  const user = await call('admin', 'POST', '/users', {
    name: `${organisation.name} buyer`,
    email: `buyer-${created.id}@example.test`,
    role: 'buyer',
    buyerOrganisationId: created.id,
  });
  const issued = await call('admin', 'POST', `/users/${user.id}/tokens`, { label: 'test' });
  return { id: created.id as number, token: issued.token as string };
}

/** Offers the deal's portfolio to both AMCs, opens a round with a reserve, and takes a bid from each. */
export async function biddingClosed(
  deal: Deal,
  prices: { demo: string; second?: string },
  reserve = '1000.00',
) {
  const { call, clock, portfolioId, demoBuyer, secondAmc } = deal;
  await call('risk', 'POST', `/portfolios/${portfolioId}/offers`, {
    buyerOrganisationIds: [demoBuyer, secondAmc.id],
  });
  await call('risk', 'POST', `/portfolios/${portfolioId}/bid-rounds`, {
    name: 'Round 1',
    deadline: DEADLINE,
    reservePrice: reserve,
  });
  const demoRound = await call('buyer', 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
    price: prices.demo,
    validUntil: '2026-12-31',
  });
  const secondRound =
    prices.second === undefined
      ? undefined
      : await call(secondAmc.token, 'POST', `/buyer/portfolios/${portfolioId}/bids`, {
          price: prices.second,
          validUntil: '2026-12-31',
        });
  clock.set('2026-10-12T09:00:00.000Z');
  return {
    demoBid: demoRound.bids.at(-1).id as number,
    secondBid: secondRound?.bids.at(-1).id as number | undefined,
  };
}

/** Awards the bid, signs, and settles on 2026-10-20 (the clock moves there). */
export async function settled(deal: Deal, bidId: number) {
  const { call, portfolioId } = deal;
  const sale = await call('risk', 'POST', `/portfolios/${portfolioId}/award`, {
    bidId,
    contractEffectiveDate: '2026-10-15',
    deliveryDate: '2026-10-31',
  });
  await call('risk', 'POST', `/sales/${sale.id}/sign`, undefined, 200);
  deal.clock.set('2026-10-20T15:00:00.000Z');
  const settlement = await call(
    'finance',
    'POST',
    `/sales/${sale.id}/settle`,
    { receivedOn: '2026-10-20' },
    200,
  );
  return { sale, settlement };
}

/**
 * The loans a settled sale sold, with their allocated prices, largest price first: its
 * allocations less the loans the bring-down took out at settlement.
 */
export const soldLoans = (deal: Deal, saleId: number) =>
  deal.t.db.$client
    .prepare(
      `select a.loan_id as loanId, a.price_fen as priceFen from sale_allocations a
       where a.sale_id = ? and not exists (
         select 1 from sale_exits x where x.sale_id = a.sale_id and x.loan_id = a.loan_id and x.kind = 'bring_down')
       order by a.price_fen desc, a.loan_id`,
    )
    .all(saleId) as { loanId: string; priceFen: number }[];

/**
 * Imports collection events as the risk user, the CSV's rows as given under
 * `loan_id,event_date,event_type,amount,payment_channel,status_event`; the answer must be 201.
 */
export async function importEvents(deal: Deal, rows: string[]): Promise<Json> {
  const csv = ['loan_id,event_date,event_type,amount,payment_channel,status_event', ...rows].join(
    '\n',
  );
  const response = await deal.t.app.request('/collections/import', {
    method: 'POST',
    body: csv,
    headers: deal.t.as('risk', { 'Content-Type': 'text/csv' }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Json;
}

/** Imports payments collected in house (`importEvents`). */
export const importPayments = (
  deal: Deal,
  payments: { loanId: string; date: string; amount: string }[],
) =>
  importEvents(
    deal,
    payments.map((p) => `${p.loanId},${p.date},payment,${p.amount},in_house,`),
  );
