import { z } from '@hono/zod-openapi';
import { parseFen, type Fen } from './money';

// The words every route's contract is written in: money, dates, instants, ids and pages. Each is
// defined here once, so an amount or a date reads the same on every route of the API.

/** An amount as the API answers it: yuan with exactly two decimals, a minus sign when negative. */
export const yuanAmount = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .openapi({ description: 'Amount in yuan, two decimals', example: '1234.56' });

/** An amount a request sends: yuan, up to two decimals, never negative. */
export const yuanAmountRequest = z
  .string()
  .regex(/^\d+(\.\d{1,2})?$/)
  .openapi({ description: 'Amount in yuan, up to two decimals', example: '5000.00' });

/** A request's amount read as integer fen, without floating point (`parseFen`). */
export const fenFromYuanRequest = yuanAmountRequest.transform((yuan): Fen => {
  const fen = parseFen(yuan);
  // The pattern above admits only what parseFen reads, short of amounts past 2^53 fen.
  if (fen === undefined) throw new RangeError(`not an amount: ${yuan}`);
  return fen;
});

/** A request's price: an amount in yuan of more than zero, read as fen. */
export const positivePriceFen = yuanAmountRequest
  .refine((yuan) => (parseFen(yuan) ?? 0) > 0, 'a price is more than zero')
  .transform((yuan): Fen => parseFen(yuan)!)
  .openapi({
    type: 'string',
    description: 'Amount in yuan, up to two decimals',
    example: '125000.00',
  });

/** A calendar date, ISO `YYYY-MM-DD`, no time zone. */
export const isoDate = z.iso.date().openapi({ example: '2026-06-30' });

/** An instant, ISO-8601 in UTC. */
export const instant = z.iso
  .datetime()
  .openapi({ description: 'An ISO-8601 UTC instant', example: '2026-07-10T10:00:00Z' });

/** A resource's numeric id in the path. */
export const idParam = z.coerce
  .number()
  .int()
  .positive()
  .openapi({ param: { name: 'id', in: 'path' }, example: 1 });

/** `{ id }` path parameters. */
export const IdParams = z.object({ id: idParam });

/** A page size, at most 1000. */
export const pageLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(100)
  .openapi({ description: 'Page size, at most 1000' });
