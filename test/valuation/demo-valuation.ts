import type { z } from '@hono/zod-openapi';
import { importDemoBook } from '../../src/demo/import-book';
import type { ValuationSchema } from '../../src/valuation/valuations/valuation-schemas';
import { testApp, type TestUser } from '../helpers/test-app';

export type T = ReturnType<typeof testApp>;
export type Valuation = z.infer<typeof ValuationSchema>;
type Json = Record<string, any>;

export const send = (
  t: T,
  method: string,
  path: string,
  user: TestUser,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.request(path, {
    method,
    headers: t.as(user, { 'Content-Type': 'application/json', ...headers }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Yuan as a decimal string → fen, exactly. */
export const fen = (amount: string) => Math.round(Number(amount) * 100);

/**
 * A 2,000-loan demo book as of 2026-09-30 with a curve set by product (`curveSetId`) and a draft
 * portfolio of every written-off loan at that cut-off (`portfolioId`).
 */
export async function demoValuationApp(): Promise<{
  t: T;
  curveSetId: number;
  portfolioId: number;
}> {
  const t = testApp({
    clock: { now: () => '2026-10-01T09:00:00.000Z', today: () => '2026-10-01' },
  });
  await importDemoBook(t.deps, { loans: 2_000, seed: 42, asOf: '2026-09-30' });
  const curveSet = (await (
    await send(t, 'POST', '/curves', 'risk', { name: 'by product', dimensions: ['product'] })
  ).json()) as Json;
  const portfolio = (await (
    await send(t, 'POST', '/portfolios', 'risk', { name: 'Demo book', cutOffDate: '2026-09-30' })
  ).json()) as Json;
  return { t, curveSetId: curveSet.id, portfolioId: portfolio.id };
}

/** Values the portfolio; the response must be 201. */
export async function valued(t: T, portfolioId: number, body: Json): Promise<Valuation> {
  const response = await send(t, 'POST', `/portfolios/${portfolioId}/valuations`, 'risk', body);
  if (response.status !== 201)
    throw new Error(`valuation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Valuation;
}
