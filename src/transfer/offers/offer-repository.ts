import { and, eq } from 'drizzle-orm';
import { type DbOrTx, buyerOrganisations, dataRoomKeys, portfolioOffers } from '../../../db';

export type OfferRow = typeof portfolioOffers.$inferSelect;
export type BuyerRow = typeof buyerOrganisations.$inferSelect;

export function findBuyer(tx: DbOrTx, id: number): BuyerRow | undefined {
  return tx.select().from(buyerOrganisations).where(eq(buyerOrganisations.id, id)).get();
}

export function findOffer(
  tx: DbOrTx,
  portfolioId: number,
  buyerOrganisationId: number,
): OfferRow | undefined {
  return tx
    .select()
    .from(portfolioOffers)
    .where(
      and(
        eq(portfolioOffers.portfolioId, portfolioId),
        eq(portfolioOffers.buyerOrganisationId, buyerOrganisationId),
      ),
    )
    .get();
}

export function insertOffer(tx: DbOrTx, offer: typeof portfolioOffers.$inferInsert): OfferRow {
  return tx.insert(portfolioOffers).values(offer).returning().get();
}

/** A portfolio's offers with the buyers' names and types. */
export function offersOf(tx: DbOrTx, portfolioId: number) {
  return tx
    .select({ offer: portfolioOffers, buyer: buyerOrganisations })
    .from(portfolioOffers)
    .innerJoin(buyerOrganisations, eq(buyerOrganisations.id, portfolioOffers.buyerOrganisationId))
    .where(eq(portfolioOffers.portfolioId, portfolioId))
    .orderBy(portfolioOffers.id)
    .all();
}

/** The portfolio ids offered to a buyer, oldest offer first. */
export function portfolioIdsOfferedTo(tx: DbOrTx, buyerOrganisationId: number): number[] {
  return tx
    .select({ portfolioId: portfolioOffers.portfolioId })
    .from(portfolioOffers)
    .where(eq(portfolioOffers.buyerOrganisationId, buyerOrganisationId))
    .orderBy(portfolioOffers.id)
    .all()
    .map((row) => row.portfolioId);
}

export function findTokenKey(tx: DbOrTx, portfolioId: number): string | undefined {
  return tx
    .select({ tokenKey: dataRoomKeys.tokenKey })
    .from(dataRoomKeys)
    .where(eq(dataRoomKeys.portfolioId, portfolioId))
    .get()?.tokenKey;
}

export function insertTokenKey(tx: DbOrTx, key: typeof dataRoomKeys.$inferInsert): void {
  tx.insert(dataRoomKeys).values(key).run();
}
