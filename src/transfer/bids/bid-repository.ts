import { desc, eq } from 'drizzle-orm';
import { type DbOrTx, bidRounds, bids } from '../../../db';

export type BidRoundRow = typeof bidRounds.$inferSelect;
export type BidRow = typeof bids.$inferSelect;

export function insertRound(tx: DbOrTx, round: typeof bidRounds.$inferInsert): BidRoundRow {
  return tx.insert(bidRounds).values(round).returning().get();
}

/** A portfolio's rounds, latest first. */
export function roundsOf(tx: DbOrTx, portfolioId: number): BidRoundRow[] {
  return tx
    .select()
    .from(bidRounds)
    .where(eq(bidRounds.portfolioId, portfolioId))
    .orderBy(desc(bidRounds.id))
    .all();
}

export function insertBid(tx: DbOrTx, bid: typeof bids.$inferInsert): BidRow {
  return tx.insert(bids).values(bid).returning().get();
}

/** A round's bids in the order they came in. */
export function bidsOf(tx: DbOrTx, roundId: number): BidRow[] {
  return tx.select().from(bids).where(eq(bids.roundId, roundId)).orderBy(bids.id).all();
}
