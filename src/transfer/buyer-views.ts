import type { z } from '@hono/zod-openapi';
import type { PortfolioDetailSchema } from '../portfolios';
import type * as schemas from './schemas';

// What a buyer reads names the seller, not the seller's staff: the people who built a portfolio or
// decided a put-back are the seller's business, and their e-mail addresses are personal data the
// buyer has no use for. The seller's own views keep them (they are the audit of who did what).

type PortfolioDetailView = z.infer<typeof PortfolioDetailSchema>;
type PutBackView = z.infer<typeof schemas.PutBackViewSchema>;

/** A portfolio as its buyer reads it: made and screened by the seller. */
export function portfolioForBuyer(
  view: PortfolioDetailView,
  sellerName: string,
): PortfolioDetailView {
  return {
    ...view,
    createdBy: sellerName,
    screening: view.screening === null ? null : { ...view.screening, screenedBy: sellerName },
  };
}

/** A put-back as its buyer reads it: decided (when it is) by the seller. */
export function putBackForBuyer(view: PutBackView, sellerName: string): PutBackView {
  return { ...view, decidedBy: view.decidedBy === null ? null : sellerName };
}
