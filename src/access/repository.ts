import { count, eq } from 'drizzle-orm';
import { type DbOrTx as Tx, apiTokens, buyerOrganisations, users, type Role } from '../../db';

export interface TokenOwner {
  tokenId: number;
  expiresAt: string | null;
  revokedAt: string | null;
  userId: number;
  name: string;
  email: string;
  role: Role;
  buyerOrganisationId: number | null;
}

export function findTokenOwner(db: Tx, tokenHash: string): TokenOwner | undefined {
  return db
    .select({
      tokenId: apiTokens.id,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      buyerOrganisationId: users.buyerOrganisationId,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .get();
}

export function insertUser(db: Tx, user: typeof users.$inferInsert) {
  return db.insert(users).values(user).returning().get();
}

export function findUser(db: Tx, id: number) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByEmail(db: Tx, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export function listUsers(db: Tx) {
  return db.select().from(users).orderBy(users.id).all();
}

export function countUsers(db: Tx): number {
  return db.select({ users: count() }).from(users).get()?.users ?? 0;
}

export function insertToken(db: Tx, token: typeof apiTokens.$inferInsert) {
  return db.insert(apiTokens).values(token).returning().get();
}

export function findToken(db: Tx, id: number) {
  return db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
}

export function markTokenRevoked(db: Tx, id: number, revokedAt: string) {
  db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id)).run();
}

export function insertBuyerOrganisation(
  db: Tx,
  organisation: typeof buyerOrganisations.$inferInsert,
) {
  return db.insert(buyerOrganisations).values(organisation).returning().get();
}

export function updateBuyerOrganisation(
  db: Tx,
  id: number,
  patch: Partial<typeof buyerOrganisations.$inferInsert>,
) {
  return db
    .update(buyerOrganisations)
    .set(patch)
    .where(eq(buyerOrganisations.id, id))
    .returning()
    .get();
}

export function findBuyerOrganisation(db: Tx, id: number) {
  return db.select().from(buyerOrganisations).where(eq(buyerOrganisations.id, id)).get();
}

export function findBuyerOrganisationByName(db: Tx, name: string) {
  return db.select().from(buyerOrganisations).where(eq(buyerOrganisations.name, name)).get();
}

export function listBuyerOrganisations(db: Tx) {
  return db.select().from(buyerOrganisations).orderBy(buyerOrganisations.id).all();
}
