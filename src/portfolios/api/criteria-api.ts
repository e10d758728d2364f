import type { z } from '@hono/zod-openapi';
import { type Fen, fenFromYuanRequest, formatFen } from '../../shared';
import type { PortfolioCriteria } from '../criteria';
import type { CriteriaSchema } from './schemas';

type CriteriaBody = z.infer<typeof CriteriaSchema>;

// The criteria as the API writes them (claim bounds in yuan) and as the domain holds them (fen).

/** The request's amount in fen, read by the shared parse (the schema has already checked it). */
const fenOf = (yuan: string): Fen => fenFromYuanRequest.parse(yuan);

export function criteriaFromBody(body: CriteriaBody): PortfolioCriteria {
  const { claimMin, claimMax, ...rest } = body;
  const criteria: PortfolioCriteria = { ...rest };
  if (claimMin !== undefined) criteria.claimFenMin = fenOf(claimMin);
  if (claimMax !== undefined) criteria.claimFenMax = fenOf(claimMax);
  return criteria;
}

export function criteriaToBody(criteria: PortfolioCriteria): CriteriaBody {
  const { claimFenMin, claimFenMax, ...rest } = criteria;
  const body: CriteriaBody = { ...rest };
  if (claimFenMin !== undefined) body.claimMin = formatFen(claimFenMin);
  if (claimFenMax !== undefined) body.claimMax = formatFen(claimFenMax);
  return body;
}
